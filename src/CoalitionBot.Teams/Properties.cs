using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CoalitionBot.Teams.Tests")]
