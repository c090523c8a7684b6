namespace CoalitionBot.Core.Domain;

/// <summary>A memo's life: Draft → Open → Closed → Final; coordinators may reopen Closed (and Final, audited) → Open.</summary>
public enum MemoStatus
{
    Draft,
    Open,
    Closed,
    Final,
}
