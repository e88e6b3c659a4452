using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;

namespace LearningOrg.ReadModels;

/// <summary>The reads the school replay page makes for the step it shows.</summary>
public sealed class SchoolReplayQueries(EventReader reader, SchoolHistoryReader histories)
{
    /// <summary>
    /// The school as of <paramref name="at"/> in valid time, with the culture indicators of the month it falls in; null
    /// when no school with this id has been recorded.
    /// </summary>
    public async Task<SchoolAtStep?> SchoolAsOfAsync(string schoolId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await histories.ReadSchoolAsync(schoolId, cancellationToken) is not { } history)
        {
            return null;
        }
        var (state, _, _) = await reader.FoldAsOfAsync<School, SchoolState, SchoolEvent>(StreamKeys.For(StreamKeys.School, schoolId), at, cancellationToken);
        var month = Months.Of(at);
        return new SchoolAtStep(state, new CultureTrajectory(history.Events).Monthly(month, month)[0]);
    }
}
