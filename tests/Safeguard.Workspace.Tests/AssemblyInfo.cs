// One platform per test assembly: starting it takes tens of seconds, and tests keep apart by using
// their own centre codes and mailboxes.
[assembly: AssemblyFixture(typeof(PlatformFixture))]
