namespace SlaGrid.Runtime;

/// <summary>A grain interface whose grains are addressed by a string key (Orleans' <c>IGrainWithStringKey</c>).</summary>
public interface IGrainWithStringKey : IGrain
{
}
