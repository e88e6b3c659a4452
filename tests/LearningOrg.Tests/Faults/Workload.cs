using System.Collections.Concurrent;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;

namespace LearningOrg.Tests.Faults;

/// <summary>A write another aggregate receives as part of a command, under its own derived command id.</summary>
internal sealed record FollowUpWrite(string CommandId, string StreamKey);

/// <summary>One command of a workload: where it goes, the event it proposes, and the follow-up it causes.</summary>
internal sealed record PlannedCommand(string CommandId, string Kind, string AggregateId, DomainEvent Event, FollowUpWrite? FollowUp)
{
    public string StreamKey => StreamKeys.For(Kind, AggregateId);

    /// <summary>The API route that records this command's event.</summary>
    public string Path => Event switch
    {
        SchoolRegistered => $"/api/schools/{AggregateId}",
        StaffCountChanged => $"/api/schools/{AggregateId}/staff-count",
        DecisionRecorded => $"/api/schools/{AggregateId}/decisions",
        TeacherRegistered => $"/api/teachers/{AggregateId}",
        ProfessionalLearningCompleted => $"/api/teachers/{AggregateId}/professional-learning",
        _ => throw new NotSupportedException($"No route for {Event.GetType().Name} in the fault workloads."),
    };
}

/// <summary>How the system answered one attempt of a command.</summary>
internal abstract record Answer
{
    /// <summary>Recorded (or found recorded before, when <paramref name="Replayed"/>), at this stream version.</summary>
    public sealed record Accepted(long Version, bool Replayed) : Answer;

    /// <summary>The system could not say: a transport or availability failure. The command may be retried.</summary>
    public sealed record Failed(string Reason) : Answer;

    /// <summary>Refused by a rule, with the problem's code.</summary>
    public sealed record Refused(string Code, string Detail) : Answer;
}

/// <summary>Sends one attempt of a command, through grains or HTTP, and says how it was answered.</summary>
internal delegate Task<Answer> Send(PlannedCommand command);

/// <summary>
/// A stream of commands over several schools and teachers, valid in any order, so that concurrent callers can send
/// them and a command that failed can be retried later: staff counts, new teachers (written to the teacher and, as a
/// follow-up, to the school's staff) and professional learning.
/// </summary>
internal sealed class Workload
{
    public static readonly DateTimeOffset Past = new(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, Answer> firstAnswers = new();
    private readonly ConcurrentDictionary<string, Answer.Accepted> accepted = new();
    private readonly ConcurrentQueue<PlannedCommand> extra = new();
    private int answered;

    /// <summary>A workload of the given setup and callers' commands.</summary>
    public Workload(IReadOnlyList<PlannedCommand> setup, IReadOnlyList<IReadOnlyList<PlannedCommand>> callers)
    {
        Setup = setup;
        Callers = callers;
    }

    /// <summary>
    /// The mixed workload: schools with one teacher each set up, then each caller's staff counts, new teachers and
    /// professional learning spread over them.
    /// </summary>
    public Workload(string run, int schools, int callers, int commandsPerCaller)
    {
        Schools = [.. Enumerable.Range(1, schools).Select(s => $"{run}-school-{s}")];
        Teachers = [.. Schools.Select(school => $"{school}-lead")];
        Setup =
        [
            .. Schools.Select((school, i) => School($"{run}-setup-school-{i}", school)),
            .. Teachers.Select((teacher, i) => Teacher($"{run}-setup-teacher-{i}", teacher, Schools[i], Past.AddDays(1))),
        ];
        Callers = [.. Enumerable.Range(0, callers).Select(c => Enumerable.Range(0, commandsPerCaller).Select(k => Stream(run, c, k)).ToList())];
    }

    /// <summary>The schools the mixed workload registers.</summary>
    public IReadOnlyList<string> Schools { get; } = [];

    /// <summary>The teachers the mixed workload registers in its setup, one per school.</summary>
    public IReadOnlyList<string> Teachers { get; } = [];

    /// <summary>What must be recorded before the stream: the schools and one teacher in each.</summary>
    public IReadOnlyList<PlannedCommand> Setup { get; }

    /// <summary>The commands of each concurrent caller, in the order it sends them.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedCommand>> Callers { get; }

    /// <summary>Every command that must land: the setup, the stream, and those sent besides it (<see cref="SendExtraAsync"/>).</summary>
    public IEnumerable<PlannedCommand> All => Setup.Concat(Callers.SelectMany(c => c)).Concat(extra);

    /// <summary>How many stream commands have had their first answer so far.</summary>
    public int Answered => Volatile.Read(ref answered);

    public int StreamCommands => Callers.Sum(c => c.Count);

    /// <summary>The second half of each caller's commands (see <see cref="RunAsync"/>).</summary>
    public IEnumerable<PlannedCommand> SecondHalf => Callers.SelectMany(c => c.Skip(c.Count / 2));

    /// <summary>The first answer of each stream command.</summary>
    public IReadOnlyDictionary<string, Answer> FirstAnswers => firstAnswers;

    /// <summary>The accepted answer of each command that has one, from its first attempt or a retry.</summary>
    public IReadOnlyDictionary<string, Answer.Accepted> Acknowledged => accepted;

    /// <summary>Records the setup; every command of it must be accepted.</summary>
    public async Task SetUpAsync(Send send)
    {
        foreach (var command in Setup.Where(c => c.Event is SchoolRegistered))
        {
            Acknowledge(command, await send(command));
        }
        await Task.WhenAll(Setup.Where(c => c.Event is not SchoolRegistered).Select(async command => Acknowledge(command, await send(command))));
    }

    /// <summary>
    /// Every caller sends its commands one after the other, all callers at once; each first answer is kept. A caller
    /// whose command failed pauses <paramref name="pauseAfterFailure"/> before its next one, as a client backing off.
    /// Given <paramref name="secondHalfWaitsFor"/>, each caller sends the second half of its commands only once that
    /// task has completed: a fault started before completing it is certain to meet a running stream, and the commands
    /// of <see cref="SecondHalf"/> are all sent after the fault began.
    /// </summary>
    public Task RunAsync(Send send, TimeSpan pauseAfterFailure = default, Task? secondHalfWaitsFor = null) => Task.WhenAll(Callers.Select(commands => Task.Run(async () =>
    {
        for (var k = 0; k < commands.Count; k++)
        {
            var command = commands[k];
            if (k == commands.Count / 2 && secondHalfWaitsFor is not null)
            {
                await secondHalfWaitsFor;
            }
            var answer = await Attempt(send, command);
            firstAnswers[command.CommandId] = answer;
            if (answer is Answer.Accepted ok)
            {
                accepted[command.CommandId] = ok;
            }
            Interlocked.Increment(ref answered);
            if (answer is Answer.Failed && pauseAfterFailure > TimeSpan.Zero)
            {
                await Task.Delay(pauseAfterFailure);
            }
        }
    })));

    /// <summary>Sends a command outside the stream (a probe, say) that must land like the others, retries included.</summary>
    public async Task<Answer> SendExtraAsync(Send send, PlannedCommand command)
    {
        if (!extra.Contains(command))
        {
            extra.Enqueue(command);
        }
        var answer = await Attempt(send, command);
        if (answer is Answer.Accepted ok)
        {
            accepted[command.CommandId] = ok;
        }
        return answer;
    }

    /// <summary>Waits (bounded) until at least this many stream commands have had their first answer.</summary>
    public async Task WaitForAnswersAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Answered < count)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>
    /// Sends every command that has no accepted answer yet again, with its own command id and payload, round after
    /// round until each is accepted or the time is up; returns the commands still without an accepted answer.
    /// </summary>
    public async Task<IReadOnlyList<(PlannedCommand Command, Answer Last)>> RetryUnacknowledgedAsync(Send send, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = All.Where(c => !accepted.ContainsKey(c.CommandId)).Select(c => (Command: c, Last: (Answer)new Answer.Failed("not retried yet"))).ToList();
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            var round = await Task.WhenAll(pending.Select(async p =>
            {
                var answer = await Attempt(send, p.Command);
                if (answer is Answer.Accepted ok)
                {
                    accepted[p.Command.CommandId] = ok;
                }
                return (p.Command, Last: answer);
            }));
            pending = [.. round.Where(p => p.Last is not Answer.Accepted)];
            if (pending.Count > 0)
            {
                // A pause between rounds while the cluster or the store comes back; the deadline bounds the whole.
                await Task.Delay(500);
            }
        }
        return pending;
    }

    private void Acknowledge(PlannedCommand command, Answer answer)
    {
        var ok = Assert.IsType<Answer.Accepted>(answer);
        accepted[command.CommandId] = ok;
    }

    private static async Task<Answer> Attempt(Send send, PlannedCommand command)
    {
        try
        {
            return await send(command);
        }
        catch (Exception e)
        {
            return new Answer.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A school's registration, in <see cref="Past"/>.</summary>
    public static PlannedCommand School(string commandId, string schoolId) =>
        new(commandId, StreamKeys.School, schoolId, new SchoolRegistered($"School {schoolId}", "Fault District", 30) { OccurredAt = Past }, null);

    /// <summary>A staff count for a school, some days after <see cref="Past"/>.</summary>
    public static PlannedCommand StaffCount(string commandId, string schoolId, int staff) =>
        new(commandId, StreamKeys.School, schoolId, new StaffCountChanged(staff) { OccurredAt = Past.AddDays(30) }, null);

    private static PlannedCommand Teacher(string commandId, string teacherId, string schoolId, DateTimeOffset at) =>
        new(commandId, StreamKeys.Teacher, teacherId,
            new TeacherRegistered($"Teacher {teacherId}", schoolId, ["Science"], ["5"], 6) { OccurredAt = at },
            new FollowUpWrite($"{commandId}/join", StreamKeys.For(StreamKeys.School, schoolId)));

    private PlannedCommand Stream(string run, int caller, int k)
    {
        var id = $"{run}-c{caller}-{k}";
        var school = Schools[(caller * 7 + k) % Schools.Count];
        var at = Past.AddDays(10).AddMinutes((caller * 1000) + k);
        return (k % 3) switch
        {
            0 => StaffCount(id, school, 40 + k),
            1 => Teacher(id, $"{run}-newcomer-{caller}-{k}", school, at),
            _ => new(id, StreamKeys.Teacher, Teachers[(caller + k) % Teachers.Count],
                new ProfessionalLearningCompleted($"Inquiry cycle {k}", 2 + (k % 5), "Formative assessment") { OccurredAt = at }, null),
        };
    }
}
