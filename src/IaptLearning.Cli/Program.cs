using IaptLearning.Cli;
using IaptLearning.Cli.Commands;

var app = new CliApp(
[
    new ValidateCommand(),
    new UserCommand(),
    new DemoDataCommand(),
]);

return app.Run(args, Console.Out, Console.Error);
