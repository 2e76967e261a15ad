// One platform for the fault tests. Each test takes a server away from the whole platform, so they run one
// at a time, apart from the other test assemblies' platforms.
[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
