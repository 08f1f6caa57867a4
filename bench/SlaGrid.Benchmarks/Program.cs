Console.WriteLine("SlaGrid benchmarks: none yet.");
