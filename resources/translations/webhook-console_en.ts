<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiClient</name>
    <message>
        <source>The base URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must not contain a query or fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must use https; plain http is allowed only for localhost, 127.0.0.1 and ::1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not supported by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an answer larger than %2 MiB; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirect, which is not followed so the API key stays with this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the edit matches the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating a signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key contains a line break or another control character; copy it again without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline for this operation was reached before %1 finished answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent more than %2 KiB of response headers; the answer was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer usefully, and the next try (in %2 seconds) would pass the deadline for this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s list did not end: the same page cursor came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped reading the list from %1 at its limit (%2 = %3); to read more, raise it in %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source> (field %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BodyReencodings</name>
    <message>
        <source>the JSON laid out compactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON laid out with a space after each comma and colon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON indented by 2 spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the JSON indented by 4 spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its trailing newline removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trailing newline added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its CRLF line endings turned into LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its LF line endings turned into CRLF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;Auth header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Layers production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region or base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored only in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;&amp; &amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection and save it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region or base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the API key in your keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored in your keychain, so the connection was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionItemDelegate</name>
    <message>
        <source>sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStore</name>
    <message>
        <source>A connection needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection needs an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionsPane</name>
    <message>
        <source>&amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox connections are built in and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CtlInvocation</name>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;connection&quot; takes add, list or remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an endpoint ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-c/--connection does not go with &quot;connection&quot; commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an option of &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--environment must be production or development, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --description or --name, once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout-ms expects a positive whole number of milliseconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a connection: -c NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--provider is required (layers, encrata, signa or polyai).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one --event is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;update&quot; needs at least one option to change (--url, --event, --description, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--deadline expects a whole number of seconds from 1 to %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--request-timeout expects seconds between 0.1 and 600, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;secret&quot; takes show, import or forget-previous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--body-file needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timestamp expects a Unix time in whole seconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--id expects a message id of visible ASCII characters, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--received-at expects an RFC 3339 time with its zone, such as 2021-02-25T15:02:10Z, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scheme expects standard-webhooks, stripe, github, shopify or slack, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port expects a port number from 0 to 65535 (0: a free one), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--forward expects an http or https URL, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes its connections from the document, not from -c.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the document: -f FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;apply --json&quot; needs --yes: it cannot ask before it applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
%1
(webhookctl --help: every command, the global options and the exit statuses)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  webhookctl connection add NAME --provider layers|encrata|signa|polyai [--base-url URL]
             [--environment production|development] [--auth x-api-key|bearer]
             (the API key is read from WEBHOOK_API_KEY, else one line on stdin)
  webhookctl connection list
  webhookctl connection remove NAME
  webhookctl -c NAME list [--json [--raw]]   (--raw: with each provider&apos;s own object)
  webhookctl -c NAME create --url URL --event TYPE [--event TYPE]... [--description TEXT]
             [--name TEXT] [--project-id UUID] [--scope own|all_children] [--metadata K=V]...
             [--header K=V]... [--timeout-ms N] [--json]
  webhookctl -c NAME update ID [--url URL] [--event TYPE]... [--description TEXT] [--name TEXT]
             [--scope S] [--metadata K=V]... (K= unsets a key) [--header K=V]... [--timeout-ms N]
             [--json]
  webhookctl -c NAME pause ID | resume ID | rotate-secret ID | test ID | delete ID
  webhookctl -c NAME events
  webhookctl -c NAME secret show ID      (prints the stored signing secret)
  webhookctl -c NAME secret import ID [--any-form]
             (reads a signing secret from stdin into the keychain; one that does not fit
             the provider&apos;s form is refused, unless --any-form is given: for secrets made
             elsewhere and test vectors)
  webhookctl -c NAME secret forget-previous ID
             (a rotate keeps the secret it replaced, to recognise deliveries still signed
             with it; this removes it from the keychain)
  webhookctl -c NAME sign ID [--body-file F] [--timestamp UNIX-SECONDS] [--id MESSAGE-ID]
             (prints the headers a delivery of the body, signed with the endpoint&apos;s secret
             as its profile&apos;s signature scheme says, would carry; never the secret. The
             body is the file&apos;s bytes, else stdin&apos;s; the timestamp defaults to now, and a
             message id, where the scheme signs one, to msg_ and random letters)
  webhookctl -c NAME verify ID --header &apos;Name: value&apos;... [--body-file F]
             [--received-at RFC3339] [--scheme standard-webhooks|stripe|github|shopify|slack]
             [--json]
             (checks a delivery&apos;s signature, on the body&apos;s raw bytes (the file, else stdin),
             against the endpoint&apos;s secret and its previous one, then the newest 64 other
             endpoints&apos; secrets in the keychain, and says why it fails: ok, no-signature,
             stale-timestamp, other-secret, previous-secret, body-reencoded,
             key-interpretation, encoding, other-scheme or mismatch. The scheme defaults to
             the profile&apos;s, --received-at (the time the timestamp tolerance is measured
             from) to now. --json prints {&quot;valid&quot;, &quot;diagnosis&quot;, &quot;message&quot;})
  webhookctl [-c NAME] listen [--port N] [--forward URL]
             (receives deliveries on 127.0.0.1 only, until SIGINT or SIGTERM; the first line
             says &quot;listening on 127.0.0.1:PORT&quot; (--port 0, the default: a free port), then one
             line per delivery: time, method, path, size, the endpoint whose URL path it came
             to (of every connection, or of -c NAME), and the verdict against its secret and
             its previous one. Each is answered 200, or with --forward relayed to URL and
             answered with the target&apos;s answer, the first 64 KiB of whose body are kept
             too; bodies over 1 MiB are refused (413). Deliveries are kept in the local
             state database, the newest [deliveries] keep= (1000))
  webhookctl export [-c NAME]... [-o FILE]
             (writes the endpoints document (YAML) of the connections named, else of all of
             them: each endpoint&apos;s id, key, fields, status, and whether its secret is in the
             keychain; never a secret or an API key)
  webhookctl plan -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--json]
             (what applying the document (YAML or JSON; ${NAME} in a value is a variable, $${
             a literal ${) would do, per endpoint: + create, ~ update (each field before -&gt;
             after), pause, resume, unchanged, and with --prune - delete the endpoints of
             its connections it does not list; drift is what changed at the provider since
             the last apply. Connections are matched by name to local ones. Exit status: 0
             no changes, 2 changes pending, 1 any error, an invalid document included: then
             nothing is sent, and each problem is printed as FILE:LINE: message)
  webhookctl apply -f FILE [--var NAME=VALUE]... [--vars-file F] [--prune] [--yes]
             [--json]
             (prints the plan, asks for y on the terminal unless --yes (without a terminal,
             --yes is required), then carries it out: creates through the journal with the
             secret to the keychain, updates of only the fields that change; never a
             delete and create to change a field. Stops at the first error and says what
             was done and what was not. One apply at a time per connection: another waits
             up to 10 s for it, then stops, naming its process. Exit status: 0 applied, 1
             error, 3 applied but a signing secret could not be stored. --json (with --yes)
             prints only a summary on stdout: {&quot;applied&quot;, &quot;exitCode&quot;, &quot;changes&quot;,
             &quot;done&quot;, &quot;notDone&quot;, &quot;error&quot;, &quot;items&quot;: [{&quot;action&quot;, &quot;connection&quot;, &quot;id&quot;,
             &quot;key&quot;, &quot;line&quot;, &quot;result&quot;: done|failed|not-done|unchanged, &quot;error&quot;,
             &quot;secret&quot;: stored|not-stored, ...}], &quot;problems&quot;}. Each connection&apos;s API key
             is its own, from the keychain; WEBHOOK_API_KEY is used only for a document
             of one connection)
  webhookctl --help | --version

Global options:
  --deadline SECONDS   the most time the command may take, every request, retry and
                       Retry-After wait included (default 120); when it is reached the
                       command fails with exit status 1
  --request-timeout SECONDS  each request to the provider (default 30). A create that
                       was interrupted at a provider without Idempotency-Key is settled
                       no sooner than twice this after its program stopped

Exit status: 0 done; 1 provider or network error; 2 bad usage or invalid input (nothing sent);
3 done at the provider, but the signing secret could not be stored (it is printed to stderr once).
verify: 0 valid, 1 invalid (or the keychain could not be read), 2 bad usage.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CtlOutput</name>
    <message>
        <source>webhookctl: WARNING: the signing secret of %1 is shown once; store it now:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveriesDock</name>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive deliveries on 127.0.0.1 (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port to listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port on 127.0.0.1; &quot;Any free&quot; lets the system choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the receiver address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the receiver address, to paste as an endpoint&apos;s URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to (optional), e.g. http://127.0.0.1:3000/webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoints of %1 could not be listed, so its deliveries are not matched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delivery could not be kept in the local database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a forward URL above to replay a delivery to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a delivery to replay it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected delivery to %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a curl command that sends the selected delivery again (without credential headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget every captured delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay&apos;s outcome could not be kept in the local database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed: the target answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied a curl command for the selected delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Forget all %n captured deliveries? They are removed from the local database.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clear deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deliveries could not be cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1023 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another endpoint&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting: listing the endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop receiving deliveries (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listening to choose another port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2. Choose another port, or &quot;Any free&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cle&amp;ar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the forward URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addre&amp;ss:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwar&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End&amp;point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event t&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verd&amp;ict:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryDetails</name>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward target&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a delivery to see its headers, body and verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not JSON; Raw shows it as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward failed after %1 ms: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretty &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward target answered %1 in %2 ms, with a body longer than %3 KiB: the first %3 KiB are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward target answered %1 in %2 ms, with no body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward target answered %1 in %2 ms:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryFormat</name>
    <message>
        <source>expected a dotted path of object keys, such as type or event.type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryForwarder</name>
    <message>
        <source>The target answered %1 but did not finish within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target answered %1, then its answer broke off: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryInspector</name>
    <message>
        <source>No listed endpoint&apos;s URL has the path %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched by its signature: no endpoint&apos;s URL has the path %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 profile states no signature scheme, so nothing was checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not matched: %1 endpoints have a secret, too many to try each for a delivery (at most %2). Give the endpoint that should receive it a URL with the path %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryReceiver</name>
    <message>
        <source>the port is already in use by another program or listener</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryTableModel</name>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another endpoint&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body re-encoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key read the other way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched to no endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint %1 of connection %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>No connection named &quot;%1&quot; (see: webhookctl connection list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; uses provider &quot;%2&quot;, which has no profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>webhookctl: wrote %n endpoint(s) of %1 to %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>apply asks before it changes anything, and stdin is not a terminal: run it with --yes to apply without asking. Nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply these %n change(s)? Only &quot;y&quot; or &quot;yes&quot; goes ahead [y/N]: </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted %1 and its keychain entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: warning: what the apply did to %1 could not be recorded in the local state (%2); the next plan may not recognise it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: WARNING: the signing secret of %1 could not be stored in the keychain (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: It is shown this once and was not written anywhere. Save it now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: %1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: the create may have reached %1; it is kept in the journal and settled on the next plan or apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes: the endpoints match the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply complete: %n change(s) applied.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: done: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: not done: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: apply the same document again to finish the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; (%2, %3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(drift: changed at the provider since the last apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift: deleted at the provider since the last apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift: %1 changed at the provider since the last apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) of these connections are not in the document and are left alone (--prune deletes them).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Plan: %1 to create, %2 to update, %3 to pause, %4 to resume, %5 to delete; %6 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WEBHOOK_API_KEY holds one API key, and %1 %2 connections (%3), each with its own key. Unset WEBHOOK_API_KEY to use each connection&apos;s key from the keychain, or work on one connection at a time. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the variables file %1 could not be read; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not valid; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections could not be claimed for this apply (%1); nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: process %1 is applying to connection &quot;%2&quot;; waiting for it to finish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another apply (process %1, since %2) is still applying to connection &quot;%3&quot;; nothing was applied. Run apply again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: waiting until then before planning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan has errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plan has errors; nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the apply stopped at its first error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentEndpoint</name>
    <message>
        <source>key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentProblem</name>
    <message>
        <source>warning: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <source>the document is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the document: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentValidator</name>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider &quot;%1&quot;; known: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no region &quot;%2&quot;; its regions: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts the auth schemes %2, not &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 endpoint id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key &quot;%1&quot; must be 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no %2; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot pause an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no %2, neither on create nor on update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata key &quot;%1&quot; is where Webhook Console keeps the endpoint&apos;s key; give the key as key: instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentVariables</name>
    <message>
        <source>--var expects NAME=VALUE with a NAME of letters, digits, _ . and -, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the vars file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a vars file is a mapping of names to values (name: value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable name (letters, digits, _ . and -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable %1 needs a single value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable reference: write ${name}, or $${ for a literal ${</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable &quot;%1&quot; is not defined: give it with --var %1=VALUE or in a --vars-file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftValidator</name>
    <message>
        <source>%1 requires a %2 for every endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 creates every endpoint active; create it, then pause it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires a %2 for every endpoint; it cannot be cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 itself auto-pauses an endpoint; choose active or paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether the endpoint is active or paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no %2; leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take the %2 when creating an endpoint; create it, then edit the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot change the %2 of an existing endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the URL %1 should deliver events to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows URLs of at most %2 characters; this one has %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the spaces before or after the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid URL; enter a full address such as https://example.com/webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the URL&apos;s scheme in lower case (%1://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires an https URL; plain http is never accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires https on a production connection; plain http is accepted only for localhost on a development connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts plain http only for localhost, 127.0.0.1 or [::1]; use https for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires https on a production connection; plain http is accepted only on a development connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select at least one event type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires at least %2 event types; %3 selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows at most %2 event types; %3 are selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is selected more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event type is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be subscribed to at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of %2&apos;s event types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in %2&apos;s catalog and is not written like an event type (such as %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows a %2 of at most %3 characters; this one has %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project ID must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a %2 scope; choose one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A metadata key is empty; give every value a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header name is empty; give every header a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name; use letters, digits and dashes, without spaces or colons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header %1 is given more than once (header names ignore case).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of header %1 must not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts a delivery timeout from %2 to %3 ms; %4 ms is outside that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts a delivery timeout of at least %2 ms; %3 ms is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts a delivery timeout of at most %2 ms; %3 ms is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery timeout must be a positive number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery timeout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointDetailsPane</name>
    <message>
        <source>Select an endpoint to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the endpoint id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures in a row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last failure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the provider&apos;s JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this keychain (import it, or rotate it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 auto-paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in a status the console does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date and time, time zone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endpoints selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause/Resume and Delete act on all of them; select one to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s JSON could not be had: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous one is kept too (replaced %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous one is kept too</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointDialog</name>
    <message>
        <source>Edit endpoint — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New endpoint — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not allow changing this after the endpoint was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts this only when editing an existing endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://example.com/webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional project UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery timeout in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acti&amp;ve: deliver events as soon as it is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the endpoint (HTTP %2); see the marked field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint was refused; see the marked field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer clearly (%2). The endpoint may have been created: it is kept for recovery, so check the endpoint list before creating it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointFields</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointLabelTitle</name>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointReader</name>
    <message>
        <source>is not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a list of text values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an ISO 8601 timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 whose &quot;%2&quot; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an endpoint (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list item %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointService</name>
    <message>
        <source>Recovered %1: the endpoint exists and its signing secret is now in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered %1, but the keychain could not store its signing secret: save it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was created, but its signing secret was lost with the response. Rotate the secret, or delete and recreate the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted create never reached the provider; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted create could not be checked yet (%1); it will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted create was abandoned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; uses provider &quot;%2&quot;, which has no profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is stored for connection &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key of connection &quot;%1&quot; could not be read from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: the pending-create journal could not be written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its connection no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider returned an endpoint id (&quot;%1&quot;) that is not a valid %2 id, so the secret was not stored under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A create on this connection is still in progress in another Webhook Console program (process %1); it is left to that program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted create of %1 may still be committed by the provider; whether it was created is checked on the next start or command after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer named no usable endpoint to file it under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered &quot;not found&quot; to the delete of %2, but %3; its signing secret stays in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it back failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it back found it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its list could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its list still holds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2 endpoint id, so no keychain entry is used for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was created, but its signing secret was lost with the response. Delete and recreate the endpoint to get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain could not be read before the rotate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointStatus</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointTableModel</name>
    <message>
        <source>%1 · %2</source>
        <comment>status · consecutive failures</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active: events are delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: no events are delivered until it is resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-paused by the provider after repeated failed deliveries (%1 in a row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-paused by the provider after repeated failed deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled: no events are delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider reported a status the console does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive failed deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not report failed deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet: the keychain has not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: not in this keychain — import or rotate it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive failed deliveries, as the provider reports them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the endpoint&apos;s signing secret is in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date and time, time zone</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventCatalogModel</name>
    <message>
        <source>%1.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (custom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event cannot be subscribed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom event type, not in the provider&apos;s published catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ticks the %n event type(s) listed under it: %1. It is not a wildcard subscription: event types that start with “%2.” but are not listed here are not included.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the events this endpoint receives. Space toggles the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the event selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom event type, e.g. job.started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepts event types beyond the listed ones. Type one and press Enter to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add cus&amp;tom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add custom event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2 allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is already in the list; check it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a well-formed %1 event type: it must match %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the event filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoints.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes an endpoints document of what exists now. It holds no secret and no API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints documents (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one connection to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting the endpoints of %n connection(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n endpoint(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSecretDialog</name>
    <message>
        <source>&amp;Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Signing Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the signing secret of %1.
It is stored in your keychain only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 secrets look like %2 (read off its examples; its documentation does not say).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 secrets look like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the secret in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the secret anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This does not look like a signing secret from %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyValueEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected %1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 has a value but no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” appears more than once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret is stored under this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain was closed before the operation finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to store an empty key or secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to read an empty key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to remove an empty key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No D-Bus session bus, so no keychain (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Secret Service is running on the session bus (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Webhook Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search URL, label, id or event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret on the clipboard · clears in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate Secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Test Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Webhook Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Webhook Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Webhook Console %1&lt;/b&gt;&lt;p&gt;Manage webhook endpoints across providers; signing secrets go straight into your keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Webhook Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading endpoints of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading endpoints of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the signing secret; the clipboard clears after 30 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot rotate secrets: delete the endpoint and create it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the signing secret; the new one goes to your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no test delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider to send a test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 auto-paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 secret missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 secrets missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection &quot;%1&quot;?

Its API key is removed from your keychain. Endpoints at %2 are not touched, and their signing secrets stay in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was removed, but its API key could not be removed from your keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Signing Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the signing secret of %1?

The provider signs deliveries with the new secret from now on; update the receiving service with it. The new secret goes to your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating the secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test event to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing secret for %1 is in your keychain. Import it, or rotate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the signing secret of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the endpoint %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %1 endpoints?
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider stops delivering to it, and its signing secret is removed from your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recovering %n create(s) interrupted last time…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1 endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1 endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the %1 selected endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the %1 selected endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1 of %2 endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the %1 selected endpoints that are not active (%2 already active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint matches “%1” with the status “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint has the status “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the endpoints failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh failed; as last loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted at the provider since the last refresh. The list is reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These endpoints were deleted at the provider since the last refresh: %1. The list is reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry resuming %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry pausing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry rotating the secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending a test event to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test event sent to %1; the provider accepted it. Checking the delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test event sent to %1; the provider accepted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery failed (%1 in a row); see the endpoint&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delivery arrived: the receiver answered with success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not report how deliveries went; check the receiver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not reported the delivery yet; Refresh (F5) shows it when it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry copying the secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the details of the selected endpoint (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the details pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider stops delivering to them, and their signing secrets are removed from your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your keychain which of these endpoints have a signing secret, and correct the Secret column</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %Ln so far</source>
        <comment>loading…, endpoints read</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your keychain: %1 of %2 endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Checking the &amp;Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your keychain: 0 of %1 endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry checking the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped checking the keychain after %1 of %2 endpoints of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked the keychain for the %1 endpoints of %2: %3 with a secret, %4 without.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Secret column was right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Secret column was corrected for %1 of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing secret for this endpoint is on record: copying looks in your keychain again. Import or rotate it if it is not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Previous Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the previous signing secret of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is removed from your keychain. Deliveries still signed with it can then no longer be recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget previous secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous signing secret of %1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget Previous Secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver &amp;Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the deliveries received on 127.0.0.1 (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint subscribes to no event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample %1 event was delivered to %2: the receiver answered %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample %1 event to %2 was not delivered: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry delivering the sample %1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have the sandbox deliver a signed sample of one of the endpoint&apos;s events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the built-in sandbox&apos;s connections deliver samples (webhook-console --sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply from File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ompare with File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More toolbar actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the failed action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoMatchHint</name>
    <message>
        <source>&amp;Clear search and filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matching endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search and the status filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanBuilder</name>
    <message>
        <source>local connection &quot;%1&quot; is a %2 connection, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local connection &quot;%1&quot; uses %2, not %3; the local connection is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local connection &quot;%1&quot; is a %2 connection, not %3; the local connection is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local connection &quot;%1&quot; authenticates with %2, not %3; the local connection is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the endpoints of &quot;%1&quot; could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint %1 is the same endpoint (%2) as the one on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot change the %2 of an existing endpoint (%3: %4 → %5), and Webhook Console never deletes and recreates an endpoint to change a field (that would give it a new signing secret): change the document back, or delete the endpoint yourself and apply again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document requires the signing secret of %1 in the keychain, and it is not there: import it (webhookctl -c %2 secret import %1) or rotate it (webhookctl -c %2 rotate-secret %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an interrupted create is not settled yet (%1) and, until it is, applying could create its endpoint a second time; nothing is applied: try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an interrupted create is not settled yet (%1); this plan may show its endpoint as a create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no local connection named &quot;%1&quot;; add it with: %2 (it reads the connection&apos;s own API key from WEBHOOK_API_KEY or stdin, for the keychain: the document never holds one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete endpoints the file does not list (prune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply from File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoints.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the endpoints document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables the document uses, name and value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete endpoints the file does not list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show unchanged endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints documents (*.yaml *.yml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the endpoints document to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable name: letters, digits and _ only, not starting with a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is not valid; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the endpoints at the providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has errors; nothing can be applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes: the endpoints match the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: %1 to create, %2 to update, %3 to pause, %4 to resume, %5 to delete; %6 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n endpoint(s) of these connections are not in the document and are left alone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applying %n change(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded in the local state (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the create may have reached the provider; it is kept and settled on the next plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply complete: %n change(s) applied.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The apply stopped at its first error (%1). Done: %2. Not done: %3. Apply the same file again to finish the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signing secret could not be stored in your keychain; it is shown once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settling creates left unfinished…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that the plan still holds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connections could not be claimed for this apply (%1); nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Apply from File is applying to &quot;%1&quot;; nothing was applied. Apply again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program (process %1) is applying to &quot;%2&quot;; nothing was applied. Apply again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoints changed since this plan was made (another program may have applied to them); nothing was applied. Review the new plan, then Apply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>drift: deleted at the provider since the last apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drift: %1 changed at the provider since the last apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[drift]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed at the provider since the last apply; applying sets it back to the document&apos;s value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileReader</name>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number of at least 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid regular expression (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderDialect</name>
    <message>
        <source>%1 sent %2 larger than %3 MiB; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 with no content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 that is not valid JSON (%3 at offset %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent an endpoint that is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a create answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rotate-secret answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 that is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 without a signing secret in &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 whose signing secret in &quot;%3&quot; is longer than %4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 without the endpoint object &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot rotate a signing secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list of endpoints that is not a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list of endpoints without an array in &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list of more than %2 endpoints; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list whose %2 is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list whose &quot;%2&quot; is not a cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a list whose &quot;%2&quot; is not true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 from %2 (no error details)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderProfile</name>
    <message>
        <source>must name the key that holds the signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only version 1 is understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use lower-case letters, digits and dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paths must start with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item, rotateSecret and test paths need an {id} placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected PATCH, PUT or POST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the id of one of auth.schemes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a canonical field; expected one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the provider&apos;s JSON key as a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this field is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in &quot;fields&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;string&quot; or &quot;boolean&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of active, paused, autoPaused, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected values of the status type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must say where the signing secret is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a profile with paths.rotateSecret must say where the new secret is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected none, cursor or startingAfter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a paginated list needs the key of its items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least limits.eventsMin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected never, localhostInDevelopment or anyInDevelopment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Webhook Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage webhook endpoints across providers; signing secrets go straight into your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also run a built-in sandbox with one demo connection per provider (the default when no connection is configured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider profile %1 was skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keychain did not accept the sandbox&apos;s keys (%1); the demo connections will not work until it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A journal entry needs an id, a connection and a creation time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal already holds an entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to journal a request carrying secret-looking fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal holds no entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty endpoint id is not an endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1 for the local state database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder above it is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the local state database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite), so local state cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 was damaged (%2); it was set aside as %3 and a new one was started. Creates interrupted before this may need checking by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 is damaged (%2) and could not be set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 was written by a newer Webhook Console (schema %2; this one knows up to %3). It is left untouched; update Webhook Console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change to the local state database %1 was not made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the local state database %1: the file or its folder %2 is read-only or missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the local state database %1: the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the local state database %1: a disk error (the disk may be full, or a file size limit reached): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 stayed busy for %2 seconds: another Webhook Console program is holding it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local state database %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of an earlier version, %1, could not be read (%2); it was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be renamed to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal of an earlier version, %1, was not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The journal of an earlier version, %1, was imported, but %n of its entries could not be read; the file was kept as %1.imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>%1 must be a mapping of keys to values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; in %2; known: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice in %2 (first on line %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a single value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a mapping of names to values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version must be %1, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connections must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document needs &quot;version: %1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document needs a list of connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoints must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment must be production or development, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection needs a name (that of a local connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; needs a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either baseUrl or region, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret must be required or none, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status must be active or paused, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeoutMs must be a positive whole number of milliseconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an endpoint needs a url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>endpoint %1 needs a list of events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxDelivery</name>
    <message>
        <source>could not resolve %1 (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the endpoint answered %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxProvider</name>
    <message>
        <source>Missing or invalid API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not allowed on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed endpoint id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the body as application/json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was already used with a different request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not name a position in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown or read-only field: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum number of webhook endpoints (%1) has been reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fields supplied: send at least one field to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a UUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1 does not belong to this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope %1 requires an admin key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid absolute URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must use https (plain http only for localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must use https in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an array of event types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least %2 event type(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 allows at most %2 event types.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must contain only strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be subscribed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown event type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such webhook endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint does not subscribe to %1; it would never be sent one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider at /%1; try one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal server error (injected by the sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxSession</name>
    <message>
        <source>%1 sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the built-in sandbox&apos;s connections deliver samples.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxState</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a sandbox state file (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unsupported state file version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret stored in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing secret was NOT stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keychain could not store this signing secret: %1
The provider will never show it again. Copy it now and keep it somewhere safe, such as a password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy secret to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have sa&amp;ved this secret somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have saved this secret somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied — the clipboard clears in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The secret is no longer on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret, or confirm you saved it, before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret of %1 rotated; the new one is stored in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret of %1 rotated, but the new one was NOT stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret rotated — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretFormat</name>
    <message>
        <source>alphabet: expected the inside of a character class, such as 0-9a-f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minLength and maxLength: expected 1 &lt;= minLength &lt;= maxLength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does not start with &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has %1 characters after &quot;%2&quot;, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has characters other than %1 after &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; then %2 characters from %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionReader</name>
    <message>
        <source>expected a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureScheme</name>
    <message>
        <source>expected standard-webhooks, stripe, github, shopify or slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a template with {body} once and no placeholders but {id} and {timestamp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signedContent uses {id}, so a header must carry it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signedContent uses {timestamp}, so a header must carry it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only HMAC-SHA256 is understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected base64 or hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected base64-after-prefix or raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number of seconds, 0 for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureVerifier</name>
    <message>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no signature in the %2 layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 carries no timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timestamp in %1 is not a Unix time in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature to check: %1; the %2 scheme expects the headers %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with this endpoint&apos;s current secret, but its timestamp is %1 older than the time received (tolerance %2 s): the clocks differ by that much, or the delivery was replayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with this endpoint&apos;s current secret, but its timestamp is %1 ahead of the time received (tolerance %2 s): the sender&apos;s clock runs that much ahead of the receiver&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: signature %1 of %2 matches this endpoint&apos;s current secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: signed with this endpoint&apos;s current secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with this endpoint&apos;s previous secret, replaced at %1: the signer still has the secret from before the rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with the secret of endpoint %1 on connection &quot;%2&quot;, not this endpoint&apos;s: a secret from another endpoint or environment is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for the body with %1: the body was re-encoded before verification; verify the raw bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the whole secret string is the key, not the base64 after &quot;%1&quot; decoded as the profile says: the signer reads the secret differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the base64 after &quot;%1&quot; is decoded to make the key, not the whole secret string as the profile says: the signer reads the secret differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the signature is read as %1, not %2 as the profile says: the signer encodes the MAC differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid under the %1 scheme (header %2), not %3 as the profile says: correct the profile&apos;s signature section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match: no secret of this endpoint or any other in the keychain, and no re-encoding of the body, key reading, encoding or other scheme makes the signature valid; the body was changed on the way, or it was signed with a secret not in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its timestamp is also %1 off the time received (tolerance %2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the whole secret string is the key, not the base64 after &quot;%1&quot; decoded as the %2 scheme does: the signer reads the secret differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the base64 after &quot;%1&quot; is decoded to make the key, not the whole secret string as the %2 scheme does: the signer reads the secret differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid when the signature is read as %1, not %2 as the %3 scheme does: the signer encodes the MAC differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid under the %1 scheme (header %2), not %3, the scheme checked: the signer follows another scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match: no secret of this endpoint, nor any of the other endpoints&apos; secrets newest on record in the keychain (%1 more on record were not tried), and no re-encoding of the body, key reading, encoding or other scheme makes the signature valid; the body was changed on the way, or it was signed with a secret not tried.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Uniques</name>
    <message>
        <source>%1 &quot;%2&quot; is given twice (first on line %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookCtl</name>
    <message>
        <source>No connection named &quot;%1&quot; (see: webhookctl connection list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; uses provider &quot;%2&quot;, which has no profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--provider: unknown provider &quot;%1&quot;; known: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--auth: %1 accepts %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key: set WEBHOOK_API_KEY or give it as one line on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key could not be stored in the keychain (%1); the connection was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added connection &quot;%1&quot; (%2, %3, %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet. Add one with: webhookctl connection add NAME --provider PROVIDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENVIRONMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BASE URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: the connection was removed, but its API key could not be removed from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed connection &quot;%1&quot;. Signing secrets of its endpoints stay in the keychain under &quot;%2/...&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 event types per endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 event type per endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[not subscribable: %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s catalog is open: other types of the form group.name are accepted as custom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILURES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EVENTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: WARNING: the signing secret could not be stored in the keychain (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: It is shown this once and was not written anywhere. Save it now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a %2 endpoint id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated the signing secret of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent a test event to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1 and its keychain entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: the create may have reached %1; it is kept in the journal and settled on the next command for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 (%2). Its signing secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: nothing to change; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing secret is stored for %1 on connection &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret on stdin: pipe the signing secret in as one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the signing secret of %1 in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: provider profile %1 was skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: no keychain is available (%1), so the API key was not stored: every command for &quot;%2&quot; needs it in WEBHOOK_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 (%2). Its signing secret could NOT be stored: see stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>webhookctl: the list is incomplete: %n endpoint(s) were printed before this error.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>webhookctl: warning: the secret it replaced was not kept as the previous generation (%1); deliveries still signed with it will not be recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous signing secret of %1 could not be removed from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous signing secret of %1 is no longer kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret does not fit the %1 form (%2): %3 Nothing was stored; give --any-form to store it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--body-file: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body: give --body-file F, or pipe the body&apos;s bytes in on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is larger than 16 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body: stdin was empty. Give --body-file F (an empty file for an empty body), or pipe the body&apos;s bytes in on stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 profile states no signature scheme, so there is nothing to sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--id: the %1 scheme of %2 signs no message id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timestamp: the %1 scheme of %2 signs no timestamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing secret of %1 does not make a key as the profile says (base64 after &quot;%2&quot;); give the secret in that form, or correct the profile&apos;s signature section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 profile states no signature scheme: give --scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: no signing secret is stored for %1 on connection &quot;%2&quot;; only the other secrets in the keychain are tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listening on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: the endpoints of connection &quot;%1&quot; could not be listed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhookctl: the delivery could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(forward failed: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(forwarded: %1 in %2 ms, answered more than %3 KiB; the first %3 KiB kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(forwarded: %1 in %2 ms, answered %n bytes)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
