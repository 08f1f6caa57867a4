using SlaGrid.Silo.Demo;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Demo;

/// <summary>The demo clock's arithmetic and timer scaling, driven by a fake inner clock (no real time involved).</summary>
public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void Now_StartsAtTheInnerNow_AndAdvancesSpeedTimesFaster()
    {
        var inner = new FakeTimeProvider();
        var start = inner.GetUtcNow();
        var clock = new ScaledTimeProvider(inner, 600);
        Assert.Equal(start, clock.GetUtcNow());

        inner.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + TimeSpan.FromMinutes(10), clock.GetUtcNow());

        inner.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(start + TimeSpan.FromMinutes(12.5), clock.GetUtcNow());
    }

    [Fact]
    public void ElapsedTime_FromTimestamps_AgreesWithNow()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, 37);
        var before = clock.GetTimestamp();
        var then = clock.GetUtcNow();
        inner.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(clock.GetUtcNow() - then, clock.GetElapsedTime(before));
        Assert.Equal(TimeSpan.FromSeconds(3.5 * 37), clock.GetElapsedTime(before));
    }

    [Fact]
    public void Timer_FiresAfterItsDueTimeDividedBySpeed_NotBefore()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, 600);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        inner.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        inner.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void PeriodicTimer_RepeatsAtItsPeriodDividedBySpeed()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, 60);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        inner.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, fired);
        inner.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(4, fired);
    }

    [Fact]
    public void Change_ScalesTheNewDueTime()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, 100);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        inner.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(50), Timeout.InfiniteTimeSpan));
        inner.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, fired);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
    }

    [Theory]
    [InlineData(1_000, 3)]
    [InlineData(1_001, 7)]
    [InlineData(10_000, 10_000)]
    [InlineData(999, 10_000)]
    [InlineData(86_400_000, 600)]
    public void Callback_NeverSeesAnEarlierTimeThanItsDueTime(long dueMilliseconds, int speed)
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, speed);
        var due = clock.GetUtcNow() + TimeSpan.FromMilliseconds(dueMilliseconds);
        DateTimeOffset? seen = null;
        using var timer = clock.CreateTimer(_ => seen = clock.GetUtcNow(), null, TimeSpan.FromMilliseconds(dueMilliseconds), Timeout.InfiniteTimeSpan);

        inner.Advance(TimeSpan.FromMilliseconds((dueMilliseconds / speed) + 2));
        Assert.NotNull(seen);
        Assert.True(seen >= due, $"fired at {seen:O}, due {due:O}");
        Assert.True(seen - due < TimeSpan.FromMilliseconds(speed), "fires within one inner millisecond of its due time");
    }

    [Fact]
    public void ToInner_RoundsUpToAWholeMillisecond_AndKeepsSpecialSpans()
    {
        var clock = new ScaledTimeProvider(new FakeTimeProvider(), 10_000);
        Assert.Equal(TimeSpan.FromMilliseconds(1), clock.ToInner(TimeSpan.FromSeconds(1)));      // 0.1 ms, never 0 (a zero period would stop a periodic timer)
        Assert.Equal(TimeSpan.FromMilliseconds(2), clock.ToInner(TimeSpan.FromSeconds(10.001)));
        Assert.Equal(TimeSpan.FromMilliseconds(360), clock.ToInner(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, clock.ToInner(TimeSpan.Zero));
        Assert.Equal(Timeout.InfiniteTimeSpan, clock.ToInner(Timeout.InfiniteTimeSpan));
        Assert.Equal(TimeSpan.FromHours(10_000), clock.ToSimulated(TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Delay_OnTheScaledClock_EndsAfterTheScaledRealDelay()
    {
        var inner = new FakeTimeProvider();
        var clock = new ScaledTimeProvider(inner, 3_600);
        var delay = Task.Delay(TimeSpan.FromHours(2), clock);

        inner.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Speed_OutOfRange_IsRefused(int speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(new FakeTimeProvider(), speed));
}
