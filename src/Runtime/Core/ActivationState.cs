namespace SlaGrid.Runtime.Core;

/// <summary>The life of an activation.</summary>
internal enum ActivationState
{
    /// <summary>In the directory, no message yet.</summary>
    Created,

    /// <summary>Creating the grain, loading state, running OnActivateAsync; messages wait.</summary>
    Activating,

    /// <summary>Running messages.</summary>
    Active,

    /// <summary>Running OnDeactivateAsync; messages wait and then go to a new activation.</summary>
    Deactivating,

    /// <summary>Gone: senders must look the grain up again.</summary>
    Invalid,
}
