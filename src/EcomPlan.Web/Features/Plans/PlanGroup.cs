namespace EcomPlan.Web.Features.Plans;

/// <summary>What a group of targets (nhóm chỉ tiêu) and a group of tasks (nhóm nhiệm vụ) have in common: they are edited alike.</summary>
public interface IPlanGroup : Infrastructure.IRevised
{
    int Id { get; }
    string PlanId { get; }
    string Code { get; set; }
    string Title { get; set; }
    int Order { get; }
}
