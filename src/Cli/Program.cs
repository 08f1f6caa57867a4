return SlaGrid.Cli.CliApp.Run(args);
