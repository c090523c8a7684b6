namespace CoalitionBot.Core.Routing;

/// <summary>A group of related routes (one feature: signing, partners, …). The router collects every feature's routes.</summary>
public interface IFeature
{
    IEnumerable<Route> Routes { get; }
}
