global using Xunit;
global using CoalitionBot.Testing;
