using System.CommandLine;
using SlaGrid.Client.Contracts;
using Spectre.Console;

namespace SlaGrid.Cli.Commands;

/// <summary><c>slagrid keys create|list|revoke</c> (admin). Only <c>keys create</c> ever prints a key, once.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "Manage API keys (admin)");
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var role = new Option<string>("--role") { Description = "admin, ingest or read", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string>("--name") { Description = "What the key is for", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Limit the key to this unit's subtree" };
        var command = new Command("create", "Create a key; it is shown once, here") { role, name, unit };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var created = await inv.Client.CreateKeyAsync(new CreateKeyRequest(inv.Parse.GetValue(name)!, inv.Parse.GetValue(role)!, inv.Parse.GetValue(unit)), token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJson(created, SlaGridJson.GetTypeInfo<CreatedKey>());
                return ExitCodes.Ok;
            }

            var table = Display.Table("field", "value");
            table.AddRow("id", Display.Text(created.Id));
            table.AddRow("name", Display.Text(created.Name));
            table.AddRow("role", Display.Text(created.Role));
            table.AddRow("unit", Display.Text(created.UnitId));
            table.AddRow("created at", Display.Time(created.CreatedAt));
            inv.Console.Write(table);

            // The key on a line of its own, unwrapped, so that it can be copied whole.
            inv.Out.WriteLine("key: " + created.Key);
            inv.Error.WriteLine("slagrid: store this key now: it is never shown again.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List keys (never the secrets)");
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var keys = await inv.Client.ListKeysAsync(token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJson(keys, SlaGridJson.GetTypeInfo<IReadOnlyList<KeyInfo>>());
                return ExitCodes.Ok;
            }

            var table = Display.Table("id", "name", "role", "unit", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(Display.Text(k.Id), Display.Text(k.Name), Display.Text(k.Role), Display.Text(k.UnitId), Display.Time(k.CreatedAt), Display.Time(k.RevokedAt));
            }

            inv.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The key's id" };
        var command = new Command("revoke", "Revoke a key") { id };
        command.SetAction(context.Bind(async (inv, token) =>
        {
            var keyId = inv.Parse.GetValue(id)!;
            await inv.Client.RevokeKeyAsync(keyId, token).ConfigureAwait(false);
            if (inv.JsonOutput)
            {
                inv.WriteJsonObject(w => w.WriteString("revoked", keyId));
            }
            else
            {
                inv.Out.WriteLine($"Revoked key {keyId}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
