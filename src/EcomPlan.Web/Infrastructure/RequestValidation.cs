using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace EcomPlan.Web.Infrastructure;

/// <summary>
/// Checks every API request body (and enum parameters) before a handler sees it: a field declared non-nullable that
/// came as null or was left out, a null inside a list, an enum number that names no value, a number that no database
/// column holds, a date outside any plan's time. The handler then works on a well-formed request and the caller gets
/// every problem at once as a 400 ValidationProblem, with nothing written.
/// </summary>
public static class RequestValidation
{
    /// <summary>numeric(18,4), the column of every stored value: at most 14 digits before the decimal point.</summary>
    public const decimal MaxStoredNumber = 99_999_999_999_999.9999m;

    private static readonly DateOnly MinDate = new(1990, 1, 1);
    private static readonly DateOnly MaxDate = new(2100, 12, 31);
    private static readonly Assembly Own = typeof(RequestValidation).Assembly;
    private const int MaxDepth = 16;

    /// <summary>Endpoint filter factory for a route group: wraps the endpoints that take a JSON body or enum parameters.</summary>
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var nullability = new NullabilityInfoContext();
        // As minimal APIs infer it: a complex type that is not a service is the JSON body. Services are not walked.
        var services = context.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var checkedArguments = parameters
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => (IsOwnComplex(x.Parameter.ParameterType) && services?.IsService(x.Parameter.ParameterType) != true)
                || EnumType(x.Parameter.ParameterType) is not null)
            .Select(x => (x.Index, Name: x.Parameter.Name ?? "", Info: nullability.Create(x.Parameter)))
            .ToList();
        if (checkedArguments.Count == 0) return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, List<string>>();
            foreach (var (index, name, info) in checkedArguments)
            {
                var value = invocation.Arguments[index];
                if (value is null) continue;
                var path = EnumType(info.Type) is not null ? name : "";
                Check(value, info, path, errors, 0);
            }
            if (errors.Count == 0) return await next(invocation);
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key.Length == 0 ? "$" : e.Key, e => e.Value.ToArray()),
                title: "Yêu cầu không hợp lệ", detail: $"Yêu cầu có {errors.Sum(e => e.Value.Count)} lỗi; chưa có gì được ghi.");
        };
    }

    /// <summary>Every problem of a deserialized request, keyed by its JSON path (camelCase); empty when it is well-formed.</summary>
    public static Dictionary<string, List<string>> Validate(object request)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var property in Properties(request.GetType()))
            CheckProperty(request, property, "", errors, 0);
        return errors;
    }

    private static void Check(object value, NullabilityInfo info, string path, Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > MaxDepth) { Add(errors, path, "Dữ liệu lồng nhau quá sâu."); return; }
        var type = value.GetType();
        if (type.IsEnum)
        {
            if (!Enum.IsDefined(type, value))
                Add(errors, path, $"Giá trị '{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)}' không hợp lệ; cho phép: {AllowedNames(type)}.");
            return;
        }
        switch (value)
        {
            case decimal d when Math.Abs(d) > MaxStoredNumber:
                Add(errors, path, "Số quá lớn: tối đa 14 chữ số phần nguyên.");
                return;
            case double x when !double.IsFinite(x) || Math.Abs(x) > (double)MaxStoredNumber:
                Add(errors, path, "Số không hợp lệ hoặc quá lớn.");
                return;
            case DateOnly date when date < MinDate || date > MaxDate:
                Add(errors, path, $"Ngày {date:dd/MM/yyyy} nằm ngoài khoảng cho phép (01/01/1990 – 31/12/2100).");
                return;
            case DateTime dt when dt.Year is < 1990 or > 2100:
            case DateTimeOffset dto when dto.Year is < 1990 or > 2100:
                Add(errors, path, "Thời điểm nằm ngoài khoảng cho phép (1990 – 2100).");
                return;
            case string:
                return;
            case IEnumerable items when type != typeof(string):
                var element = info.ElementType ?? info.GenericTypeArguments.FirstOrDefault();
                var i = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{i++}]";
                    if (item is null)
                    {
                        if (element is null || element.ReadState == NullabilityState.NotNull)
                            Add(errors, itemPath, "Phần tử không được để trống (null).");
                        continue;
                    }
                    if (element is not null) Check(item, element, itemPath, errors, depth + 1);
                }
                return;
        }
        if (!IsOwnComplex(type)) return;
        foreach (var property in Properties(type))
            CheckProperty(value, property, path, errors, depth + 1);
    }

    private static void CheckProperty(object owner, PropertyInfo property, string path, Dictionary<string, List<string>> errors, int depth)
    {
        var name = (path.Length == 0 ? "" : path + ".") + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        var info = new NullabilityInfoContext().Create(property);
        var value = property.GetValue(owner);
        if (value is null)
        {
            if (!property.PropertyType.IsValueType && info.ReadState == NullabilityState.NotNull)
                Add(errors, name, "Thiếu trường bắt buộc (không được bỏ trống hay để null).");
            return;
        }
        Check(value, info, name, errors, depth);
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    private static bool IsOwnComplex(Type type) =>
        type.Assembly == Own && !type.IsEnum && (type.IsClass || (type.IsValueType && !type.IsPrimitive));

    private static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;

    /// <summary>The names the JSON API accepts (snake_case, as the enum converter writes them).</summary>
    public static string AllowedNames(Type enumType) =>
        string.Join(", ", Enum.GetNames(enumType).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list)) errors[path] = list = [];
        list.Add(message);
    }
}
