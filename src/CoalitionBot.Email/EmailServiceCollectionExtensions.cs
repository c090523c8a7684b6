using CoalitionBot.Core.Outbox;
using CoalitionBot.Email.Pickup;
using CoalitionBot.Email.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Email;

/// <summary>Wires the e-mail channel into a host: <c>services.AddEmail(configuration, dataRoot)</c>.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated "Email" options, the <see cref="IDeliveryChannel"/> for e-mail and the
    /// <see cref="PickupFolder"/>. SMTP when Email:Smtp:Host is set, otherwise the pickup folder, whose relative path
    /// starts at <paramref name="baseFolder"/>.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, string baseFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PickupFolder(Path.Combine(baseFolder, sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory)));
        services.AddSingleton<EmailComposer>();
        var smtp = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.SendsOverSmtp ?? false;
        if (smtp)
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, PickupFolderTransport>();
        }

        services.AddSingleton<IDeliveryChannel, EmailDeliveryChannel>();
        return services;
    }
}
