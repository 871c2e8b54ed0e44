// Shapes of Orleans src/Orleans.Core/Configuration/Options/ClusterMembershipOptions.cs (v10.2.2)
// and of Microsoft.Extensions.Options' Configure/AddOptions.
using System;

namespace Orleans.Configuration
{
    public class ClusterMembershipOptions
    {
        public int NumMissedProbesLimit { get; set; } = 3;
        public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);
        public int NumVotesForDeathDeclaration { get; set; } = 2;
        public int NumProbedSilos { get; set; } = 10;
        public bool LivenessEnabled { get; set; } = true;
        public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(120);
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }

    public static class OptionsServiceCollectionExtensions
    {
        public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Action<TOptions> configureOptions) where TOptions : class => services;
        public static IServiceCollection PostConfigure<TOptions>(this IServiceCollection services, Action<TOptions> configureOptions) where TOptions : class => services;
        public static Microsoft.Extensions.Options.OptionsBuilder<TOptions> AddOptions<TOptions>(this IServiceCollection services) where TOptions : class => new(services, "");
    }
}

namespace Microsoft.Extensions.Options
{
    public class OptionsBuilder<TOptions> where TOptions : class
    {
        public OptionsBuilder(Microsoft.Extensions.DependencyInjection.IServiceCollection services, string? name) { }
        public virtual OptionsBuilder<TOptions> Configure(Action<TOptions> configureOptions) => this;
        public virtual OptionsBuilder<TOptions> PostConfigure(Action<TOptions> configureOptions) => this;
    }
}
