using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Audit;
using EcomPlan.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace EcomPlan.Tests.Unit;

/// <summary>The audit trail read by an official: Vietnamese names for every record and field, values in Vietnamese form.</summary>
public class AuditReadingTests
{
    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> Model()
    {
        using var db = new EcomPlanDbContext(new DbContextOptionsBuilder<EcomPlanDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().ToList();
    }

    [Fact]
    public void Every_record_and_every_field_the_trail_can_hold_has_a_Vietnamese_name()
    {
        var entities = Model().ToList();
        var unnamed = entities.Select(e => e.ClrType.Name).Where(n => !AuditReading.EntityNames.ContainsKey(n)).ToList();
        Assert.True(unnamed.Count == 0, "bản ghi chưa có tên tiếng Việt: " + string.Join(", ", unnamed));
        var missing = entities.SelectMany(e => e.GetProperties().Where(p => !AuditReading.HasFieldName(p.Name)).Select(p => $"{e.ClrType.Name}.{p.Name}")).ToList();
        Assert.True(missing.Count == 0, "chưa có tên tiếng Việt: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_modified_target_lists_each_changed_field_old_to_new_in_Vietnamese_form()
    {
        var changes = AuditReading.Changes("Modified",
            """{"Value":60.5,"Kind":"Floor","DeadlineYear":2030,"IsPublic":false,"Revision":3,"DocumentDate":"2026-03-23"}""",
            """{"Value":65.25,"Kind":"Band","DeadlineYear":2029,"IsPublic":true,"Revision":4,"DocumentDate":null}""",
            field => field switch { "Kind" => typeof(TargetKind), "DeadlineYear" => typeof(int?), "Value" => typeof(decimal?), _ => null });
        Assert.Equal(
            [
                new AuditFieldChange("Giá trị", "60,5", "65,25"),
                new AuditFieldChange("Loại", TargetText.KindName(TargetKind.Floor), TargetText.KindName(TargetKind.Band)),
                new AuditFieldChange("Năm phải đạt", "2030", "2029"),
                new AuditFieldChange("Công khai", "Không", "Có"),
                new AuditFieldChange("Ngày văn bản", "23/03/2026", null),
            ], changes);
    }

    [Fact]
    public void A_new_record_shows_what_it_was_made_with_and_not_its_empty_fields_or_keys()
    {
        var changes = AuditReading.Changes("Added", null,
            """{"Id":7,"Title":"Kế hoạch TMĐT","Note":null,"CreatedAt":"2026-12-01T02:30:00+00:00","Tolerance":1000000}""");
        Assert.Equal([new AuditFieldChange("Tên", null, "Kế hoạch TMĐT"), new AuditFieldChange("Lúc tạo", null, "01/12/2026 09:30"),
            new AuditFieldChange("Dung sai", null, "1000000")], changes);
        Assert.Equal("Chỉ tiêu", AuditReading.EntityName("Target"));
        Assert.Equal("(đã ẩn)", AuditReading.Changes("Modified", """{"PasswordHash":"(đã ẩn)"}""", """{"PasswordHash":"(đã ẩn)"}""")[0].New);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_shown_as_a_note_rather_than_breaking_the_page() =>
        Assert.Equal("nạp lại", AuditReading.Changes("Upserted", null, "nạp lại").Single().New);
}
