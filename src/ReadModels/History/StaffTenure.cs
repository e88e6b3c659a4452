namespace LearningOrg.ReadModels;

/// <summary>
/// The schools whose staff a teacher has been on, and when: the teacher's side of the schools'
/// <c>TeacherJoinedStaff</c> and <c>TeacherLeftStaff</c>. Decides on which school timelines a teacher's events appear.
/// </summary>
/// <param name="Id">The teacher id.</param>
public sealed record StaffTenure(string Id, StaffSpell[] Spells)
{
    /// <summary>The schools whose staff the teacher was on at <paramref name="at"/> (usually one).</summary>
    public IEnumerable<string> SchoolsAt(DateTimeOffset at) =>
        Spells.Where(s => s.Covers(at)).Select(s => s.SchoolId).Distinct(StringComparer.Ordinal);

    public bool WasOnStaff(string schoolId, DateTimeOffset at) =>
        Spells.Any(s => s.SchoolId == schoolId && s.Covers(at));

    public StaffTenure Joined(string schoolId, DateTimeOffset at) =>
        Spells.Any(s => s.SchoolId == schoolId && s.From == at)
            ? this
            : this with { Spells = [.. Spells, new StaffSpell(schoolId, at, null)] };

    /// <summary>Closes the open spell at the school; a departure without one changes nothing.</summary>
    public StaffTenure Left(string schoolId, DateTimeOffset at)
    {
        var open = Array.FindLastIndex(Spells, s => s.SchoolId == schoolId && s.To is null);
        if (open < 0)
        {
            return this;
        }
        var spells = (StaffSpell[])Spells.Clone();
        spells[open] = spells[open] with { To = at };
        return this with { Spells = spells };
    }
}

/// <summary>A spell on a school's staff: from its start, up to (not including) its end; open while To is null.</summary>
public sealed record StaffSpell(string SchoolId, DateTimeOffset From, DateTimeOffset? To)
{
    public bool Covers(DateTimeOffset at) => From <= at && (To is null || at < To);
}
