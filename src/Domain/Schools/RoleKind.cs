using System.ComponentModel.DataAnnotations;
namespace LearningOrg.Domain.Schools;

/// <summary>
/// What holding a role means for the culture indicators. Teacher leadership: a teacher takes on leadership among
/// colleagues (a coach, a facilitator, a mentor), usually by applying or being chosen by peers. Administrative: a post
/// the principal appoints to pass on management (a department head who relays decisions); it is not teacher leadership
/// and the indicators leave it out.
/// </summary>
public enum RoleKind
{
    [Display(Name = "Teacher leadership")] TeacherLeadership,
    [Display(Name = "Administrative appointment")] Administrative,
}
