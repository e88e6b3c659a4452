using System.Net.Sockets;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace LearningOrg.Tests.Faults;

/// <summary>Which store failures count as "retry later", and why grains replace the driver's exceptions.</summary>
public sealed class StoreFailuresTests
{
    public static TheoryData<string> UnavailableStates => ["57P01", "57P02", "57P03", "08006", "08001", "53300", "40001"];

    public static TheoryData<string> RequestStates => ["23505", "42P01", "22P02"];

    [Theory]
    [MemberData(nameof(UnavailableStates))]
    public void A_server_shutting_down_starting_up_or_losing_the_connection_is_unavailable(string sqlState)
    {
        var failure = new InvalidOperationException("wrapped", new PostgresException("server says no", "FATAL", "FATAL", sqlState));

        Assert.True(StoreFailures.IsUnavailable(failure));
        Assert.NotNull(StoreFailures.Translate(failure));
    }

    [Theory]
    [MemberData(nameof(RequestStates))]
    public void An_error_the_server_answered_about_the_request_is_not_unavailable(string sqlState)
    {
        var failure = new PostgresException("bad request", "ERROR", "ERROR", sqlState);

        Assert.False(StoreFailures.IsUnavailable(failure));
        Assert.Null(StoreFailures.Translate(failure));
    }

    [Fact]
    public void A_refused_connection_is_unavailable_and_its_translation_names_the_cause_without_carrying_the_driver_exception()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5999", new SocketException((int)SocketError.ConnectionRefused));

        var translated = StoreFailures.Translate(new InvalidOperationException("Marten wrapper", refused));

        Assert.NotNull(translated);
        Assert.Contains("Failed to connect to 127.0.0.1:5999", translated.Message, StringComparison.Ordinal);
        Assert.Null(translated.InnerException);
        Assert.False(StoreFailures.IsUnavailable(new InvalidOperationException("no store involved")));
    }

    [Fact]
    public void Orleans_cannot_serialize_the_driver_exception_but_carries_the_store_unavailable_one()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(new NpgsqlException("Failed to connect")));
        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new StoreUnavailableException("The event store did not answer")));

        Assert.Equal("The event store did not answer", Assert.IsType<StoreUnavailableException>(copy).Message);
    }
}
