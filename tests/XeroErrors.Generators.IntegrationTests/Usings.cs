global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using Xunit;

// The dotnet-build tests each use both cores; running them one at a time keeps their timings predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
