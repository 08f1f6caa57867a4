namespace SlaGrid.Runtime;

/// <summary>Marker for grain interfaces (Orleans' <c>IGrain</c>). Every method returns a task.</summary>
public interface IGrain
{
}
