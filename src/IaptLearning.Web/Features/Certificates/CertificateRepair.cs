namespace IaptLearning.Web.Features.Certificates;

/// <summary>
/// At start-up, after migrations, issues the certificates that completion time could not (issuing
/// failed, or the completion is older than certificates). Usually there are none, and the query
/// that finds them is all it costs.
/// </summary>
internal sealed class CertificateRepair(CertificateIssuer issuer, ILogger<CertificateRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await issuer.IssueAllMissingAsync(cancellationToken) is > 0 and var issued)
        {
            logger.LogWarning("Issued {Count} certificates missing since their completion.", issued);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
