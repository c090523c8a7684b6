using System.Text.Json.Nodes;

namespace CoalitionBot.Testing.Slack;

public sealed partial class SlackSimulator
{
    private int nextUser = 100;

    /// <summary>Adds a person to the workspace with an e-mail users.info returns (scope users:read.email), and returns them.</summary>
    public SimulatedUser AddUser(string name, string email, string timeZone = "Europe/Berlin")
    {
        var user = new SimulatedUser("U" + Interlocked.Increment(ref nextUser), name, email, timeZone);
        Users[user.Id] = user;
        return user;
    }

    /// <summary>A Slack Connect channel the app was invited to, shared with other organisations' workspaces.</summary>
    public SimulatedChannel AddSharedChannel(string id, string name) => Channels[id] = new SimulatedChannel(id, name, Shared: true);

    /// <summary>The newest version of a view the bot opened, pushed or updated.</summary>
    public JsonObject? CurrentView(string viewId) => views.TryGetValue(viewId, out var view) ? (JsonObject)view.DeepClone() : null;

    /// <summary>
    /// A view_submission payload as Slack sends it when a person presses the modal's submit button with these
    /// values (block id → text, an option value, or "true"/"false" for a checkbox). Fields not given keep their
    /// initial value. Like Slack's client it refuses to submit while a non-optional input is empty: such a
    /// submission never reaches an app, so a test cannot send one.
    /// </summary>
    public JsonObject ViewSubmission(JsonObject view, IReadOnlyDictionary<string, string> values, string userId)
    {
        var id = (string?)view["id"] ?? throw new ArgumentException("The view has no id: pass one the simulator stored.", nameof(view));
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "input"))
        {
            var blockId = (string)block["block_id"]!;
            var element = block["element"]!.AsObject();
            var given = values.TryGetValue(blockId, out var v) ? v : null;
            var (entry, empty) = ElementState(element, given);
            if (empty && (bool?)block["optional"] != true)
            {
                throw new InvalidOperationException($"Slack would not submit the modal: required input {blockId} is empty.");
            }

            state[blockId] = new JsonObject { [(string)element["action_id"]!] = entry };
        }

        var submitted = (JsonObject)view.DeepClone();
        submitted["state"] = new JsonObject { ["values"] = state };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "coalition" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = Users.TryGetValue(userId, out var u) ? u.Name : "someone", ["team_id"] = u?.HomeTeamId ?? TeamId },
            ["api_app_id"] = "A0SIM",
            ["trigger_id"] = IssueTrigger(),
            ["view"] = submitted,
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
        };
    }

    private static (JsonObject Entry, bool Empty) ElementState(JsonObject element, string? given)
    {
        var type = (string)element["type"]!;
        switch (type)
        {
            case "static_select":
                var options = element["options"]!.AsArray().OfType<JsonObject>();
                var chosen = given is null ? element["initial_option"]?.DeepClone() : options.FirstOrDefault(o => (string?)o["value"] == given)?.DeepClone()
                    ?? throw new InvalidOperationException($"The select has no option {given}.");
                return (new JsonObject { ["type"] = type, ["selected_option"] = chosen }, chosen is null);
            case "checkboxes":
                var selected = given is null
                    ? element["initial_options"]?.DeepClone() as JsonArray ?? []
                    : given == "true" ? new JsonArray(element["options"]!.AsArray()[0]!.DeepClone()) : [];
                return (new JsonObject { ["type"] = type, ["selected_options"] = selected }, selected.Count == 0);
            default:
                var text = given ?? (string?)element["initial_value"];
                return (new JsonObject { ["type"] = type, ["value"] = text }, string.IsNullOrEmpty(text));
        }
    }
}
