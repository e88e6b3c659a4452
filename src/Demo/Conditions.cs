namespace LearningOrg.Demo;

/// <summary>The school conditions that support teacher leadership, as the schools rate them, and the strategies they pick.</summary>
internal static class Conditions
{
    public const string CollaborationTime = "Time for collaboration";
    public const string Trust = "Trust among colleagues";
    public const string PrincipalSupport = "Principal support";
    public const string Data = "Access to data";
    public const string Vision = "Shared vision for student learning";

    public static string Strategy(string condition, int rating) => (condition, rating) switch
    {
        (CollaborationTime, 1) => "Find any shared time at all: a common lunch or specials block for one team to start.",
        (CollaborationTime, 2) => "Protect the shared block from announcements and paperwork; ask the teams what they need it for.",
        (CollaborationTime, 3) => "Weekly protected time for every team; next, time for work across teams.",
        (CollaborationTime, _) => "Keep the time protected when budgets tighten; teacher leaders plan how it is used.",
        (Trust, 1) => "Start with low-risk sharing: bring student work, not one's own lessons, to meetings.",
        (Trust, 2) => "Agree norms for talking about practice; keep the first peer visits voluntary.",
        (Trust, 3) => "Peer visits are routine; name and repair breaches of the norms quickly.",
        (Trust, _) => "Colleagues ask each other for critique; carry the norms through staff turnover.",
        (PrincipalSupport, 1) => "The principal meets the teacher leaders to agree what their roles are and are not.",
        (PrincipalSupport, 2) => "The principal names teacher leaders publicly and gives them a real decision to own.",
        (PrincipalSupport, 3) => "The principal protects teacher leaders' time and backs them when they are criticised.",
        (PrincipalSupport, _) => "The principal shares decisions as a matter of course and coaches the teacher leaders.",
        (Data, 1) => "Get each team its own students' results in a form it can read.",
        (Data, 2) => "A regular data cycle with a protocol, and a data lead to prepare it.",
        (Data, 3) => "Teams bring their own data; widen it to student work, not only scores.",
        (Data, _) => "Teachers pose their own questions of the data and share what they find across the network.",
        (Vision, 1) => "Hold a staff conversation about what good learning looks like here.",
        (Vision, 2) => "Write the vision with teachers, and tie each initiative to it.",
        (Vision, 3) => "Use the vision to decide what to stop doing, not only what to start.",
        (Vision, _) => "New staff learn the vision from their colleagues, not only from the principal.",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not one of the demo's conditions."),
    };
}
