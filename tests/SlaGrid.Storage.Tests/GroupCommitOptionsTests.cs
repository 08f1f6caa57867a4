namespace SlaGrid.Storage.Tests;

public sealed class GroupCommitOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => new GroupCommitOptions().Validate();

    [Theory]
    [InlineData(0, 1, 10)]
    [InlineData(100_001, 1, 10)]
    [InlineData(10, 0, 10)]
    [InlineData(10, 65, 10)]
    [InlineData(10, 1, 0)]
    public void OutOfRange_IsRefusedNamingTheSetting(int batch, int concurrent, int capacity)
    {
        var options = new GroupCommitOptions { MaxBatchSize = batch, MaxConcurrentBatches = concurrent, QueueCapacity = capacity };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Contains("GroupCommitOptions.", ex.Message, StringComparison.Ordinal);
    }
}
