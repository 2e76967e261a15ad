using k8s;
using k8s.Models;

namespace Safeguard.Deployment.UnitTests;

/// <summary>
/// Issue 26 §6: the manifests render, every object is valid against the Kubernetes API's models, and they keep the
/// platform's rules on a cluster: probes on /health and /alive, sized resources, autoscaling, secrets only from
/// Kubernetes secrets, and only the gateway reaching the services.
/// </summary>
public sealed class ManifestTests
{
    /// <summary>Every process the platform deploys: each folder of services/ (but the shared libraries) and the gateway.</summary>
    private static readonly string[] Processes =
    [
        .. Directory.GetDirectories(Path.Combine(RenderedManifests.RepositoryRoot, "services")).Select(Path.GetFileName).Where(n => n != "shared").Select(n => n!),
        "gateway",
    ];

    private static IReadOnlyList<V1Deployment> Deployments => [.. RenderedManifests.OfKind<V1Deployment>()];

    [Fact]
    public void The_overlay_renders_into_valid_objects_of_known_kinds()
    {
        Assert.NotEmpty(RenderedManifests.All);
        // A document of an unknown kind or apiVersion would come back untyped.
        Assert.All(RenderedManifests.All, o => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o));
        Assert.All(RenderedManifests.All.Cast<IKubernetesObject<V1ObjectMeta>>(), o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Metadata?.Name), $"a {o.Kind} has no name");
            Assert.Equal(o.Kind == "Namespace" ? null : "safeguard", o.Metadata!.NamespaceProperty);
        });
    }

    [Fact]
    public void The_validation_refuses_a_field_the_Kubernetes_schema_does_not_have()
    {
        const string misspelt = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replica: 2\n";

        Assert.ThrowsAny<Exception>(() => RenderedManifests.Read(misspelt));
    }

    [Fact]
    public void Every_process_has_a_deployment_of_its_documented_image_with_a_service_autoscaling_and_a_disruption_budget()
    {
        Assert.Equal(Processes.Order(), Deployments.Select(d => d.Metadata.Name).Order());
        foreach (var deployment in Deployments)
        {
            var name = deployment.Metadata.Name;
            // safeguard/<folder>, as Directory.Build.props names the image `dotnet publish /t:PublishContainer` builds.
            Assert.All(deployment.Spec.Template.Spec.Containers.Concat(deployment.Spec.Template.Spec.InitContainers ?? []),
                c => Assert.Equal($"registry.example.org/safeguard/{name}:1.0.0", c.Image));
            Assert.Single(RenderedManifests.OfKind<V1Service>(), s => s.Metadata.Name == name && s.Spec.Selector["app.kubernetes.io/name"] == name);
            var hpa = Assert.Single(RenderedManifests.OfKind<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == name);
            Assert.True(hpa.Spec.MinReplicas >= 2, $"{name} could be left with one replica");
            Assert.Single(RenderedManifests.OfKind<V1PodDisruptionBudget>(), p => p.Spec.Selector.MatchLabels["app.kubernetes.io/name"] == name);
        }
    }

    [Fact]
    public void Every_container_is_probed_on_health_and_alive_sized_and_runs_without_privileges()
    {
        foreach (var deployment in Deployments)
        {
            var pod = deployment.Spec.Template.Spec;
            Assert.True(pod.SecurityContext.RunAsNonRoot, deployment.Metadata.Name);
            Assert.False(pod.AutomountServiceAccountToken ?? true, deployment.Metadata.Name);
            var container = Assert.Single(pod.Containers);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            foreach (var each in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                Assert.NotNull(each.Resources.Requests["cpu"]);
                Assert.NotNull(each.Resources.Requests["memory"]);
                Assert.NotNull(each.Resources.Limits["memory"]);
                Assert.False(each.SecurityContext.AllowPrivilegeEscalation ?? true);
                Assert.True(each.SecurityContext.ReadOnlyRootFilesystem);
                Assert.Contains("ALL", each.SecurityContext.Capabilities.Drop);
            }
        }
    }

    [Fact]
    public void Secrets_and_keys_come_from_Kubernetes_secrets_never_from_the_manifests()
    {
        Assert.Empty(RenderedManifests.OfKind<V1Secret>());
        string[] secretSettings = ["ConnectionStrings__", "Password", "SearchKey", "Username"];
        foreach (var deployment in Deployments)
        {
            var pod = deployment.Spec.Template.Spec;
            foreach (var variable in pod.Containers.Concat(pod.InitContainers ?? []).SelectMany(c => c.Env ?? []))
            {
                if (secretSettings.Any(s => variable.Name.Contains(s, StringComparison.Ordinal)))
                {
                    Assert.True(variable.Value is null && variable.ValueFrom?.SecretKeyRef is not null,
                        $"{deployment.Metadata.Name}: {variable.Name} is not read from a secret");
                }
            }
            // A key ring is wrapped by a certificate that only a secret holds.
            if (pod.Volumes?.Any(v => v.Name == "key-ring") == true)
            {
                Assert.Equal($"{deployment.Metadata.Name}-key-encryption", pod.Volumes.Single(v => v.Name == "key-encryption").Secret.SecretName);
            }
        }
    }

    [Fact]
    public void Only_the_gateway_reaches_the_services_and_the_workspace()
    {
        var policies = RenderedManifests.OfKind<V1NetworkPolicy>().ToList();
        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.PodSelector.MatchExpressions is null);
        Assert.Null(denyAll.Spec.Ingress);

        foreach (var deployment in Deployments.Where(d => d.Metadata.Name != "gateway"))
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            var admitting = policies.Where(p => p != denyAll && Selects(p.Spec.PodSelector, labels)).ToList();
            var policy = Assert.Single(admitting);
            var from = Assert.Single(Assert.Single(policy.Spec.Ingress).FromProperty);
            Assert.Null(from.NamespaceSelector);
            Assert.Equal("gateway", from.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        }
    }

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });
}
