// One platform with two replicas of each domain service: its start alone takes minutes on two cores, so it is shared,
// and its test runs alone.
[assembly: AssemblyFixture(typeof(Safeguard.Replicas.Tests.ReplicatedPlatform))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
