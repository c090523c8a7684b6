[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CoalitionBot.Email.Tests")]
