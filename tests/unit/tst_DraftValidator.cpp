#include "DraftValidator.h"
#include "ProviderRegistry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(EndpointDraft)
Q_DECLARE_METATYPE(EndpointPatch)
Q_DECLARE_METATYPE(Environment)

namespace {

ProviderProfile profileFor(const QString &id) {
    const std::optional<ProviderProfile> profile = ProviderRegistry().profile(id);
    if (!profile)
        qFatal("no built-in profile %s", qPrintable(id));
    return *profile;
}

// A draft each provider accepts, to which each case applies one change.
EndpointDraft validDraft(const QString &provider) {
    EndpointDraft draft;
    draft.url = QStringLiteral("https://hooks.example.com/%1").arg(provider);
    if (provider == QLatin1String("layers")) {
        draft.events = QStringList{QStringLiteral("job.completed"), QStringLiteral("post.published")};
        draft.label = QStringLiteral("prod reconciler");
        draft.projectId = QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc");
    } else if (provider == QLatin1String("encrata")) {
        draft.events = QStringList{QStringLiteral("lookup.completed")};
    } else if (provider == QLatin1String("signa")) {
        draft.events = QStringList{QStringLiteral("alert.created")};
        draft.label = QString(2000, QLatin1Char('d')); // exactly the limit
        draft.metadata = StringMap{{QStringLiteral("team"), QStringLiteral("ip")}};
    } else {
        draft.events = QStringList{QStringLiteral("alerts.triggered"), QStringLiteral("alerts.resolved")};
        draft.label = QString(255, QLatin1Char('n')); // exactly the limit
        draft.headers = StringMap{{QStringLiteral("X-Custom-Header"), QStringLiteral("my-value")},
                                  {QStringLiteral("Authorization"), QStringLiteral("Bearer t")}};
        draft.timeoutMs = 30000;
        draft.enabled = false;
    }
    return draft;
}

QStringList numberedEvents(const QString &prefix, int count) {
    QStringList events;
    for (int i = 0; i < count; ++i)
        events << prefix + QString::number(i);
    return events;
}

QString describe(const ValidationIssues &issues) {
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << issue.field + QStringLiteral(": ") + issue.message;
    return lines.join(QStringLiteral(" | "));
}

// True when one issue is about `field` and its message contains every key word.
bool hasIssue(const ValidationIssues &issues, const QString &field, const QStringList &words) {
    for (const ValidationIssue &issue : issues) {
        if (issue.field != field)
            continue;
        const bool all = std::all_of(words.cbegin(), words.cend(),
                                     [&](const QString &word) { return issue.message.contains(word); });
        if (all)
            return true;
    }
    return false;
}

} // namespace

class TestDraftValidator : public QObject {
    Q_OBJECT

private slots:
    void validDrafts_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<Environment>("environment");
        QTest::addColumn<EndpointDraft>("draft");
        for (const QString &provider :
             {QStringLiteral("layers"), QStringLiteral("encrata"), QStringLiteral("signa"), QStringLiteral("polyai")}) {
            QTest::addRow("%s production", qPrintable(provider))
                << provider << Environment::Production << validDraft(provider);
            QTest::addRow("%s development", qPrintable(provider))
                << provider << Environment::Development << validDraft(provider);
        }
        EndpointDraft layers = validDraft(QStringLiteral("layers"));
        layers.url = QStringLiteral("http://localhost:8080/hooks");
        QTest::newRow("layers http localhost in development")
            << QStringLiteral("layers") << Environment::Development << layers;
        layers.url = QStringLiteral("http://127.0.0.1/hooks");
        QTest::newRow("layers http 127.0.0.1 in development")
            << QStringLiteral("layers") << Environment::Development << layers;
        layers.url = QStringLiteral("http://[::1]:9000/hooks");
        QTest::newRow("layers http [::1] in development")
            << QStringLiteral("layers") << Environment::Development << layers;
        layers = validDraft(QStringLiteral("layers"));
        layers.events = QStringList{QStringLiteral("invoice.paid"), QStringLiteral("job.failed")};
        QTest::newRow("layers custom event") << QStringLiteral("layers") << Environment::Production << layers;
        layers.events = numberedEvents(QStringLiteral("custom.e"), 50);
        QTest::newRow("layers 50 events") << QStringLiteral("layers") << Environment::Production << layers;
        layers = validDraft(QStringLiteral("layers"));
        layers.enabled = true; // active is what every provider creates anyway
        layers.label.clear();
        layers.projectId.clear();
        QTest::newRow("layers minimal") << QStringLiteral("layers") << Environment::Production << layers;
        EndpointDraft signa = validDraft(QStringLiteral("signa"));
        signa.url = QStringLiteral("http://staging.example.com/hook");
        QTest::newRow("signa http anywhere in development")
            << QStringLiteral("signa") << Environment::Development << signa;
        EndpointDraft polyai = validDraft(QStringLiteral("polyai"));
        polyai.timeoutMs = 1000;
        polyai.headers.clear();
        QTest::newRow("polyai minimum timeout") << QStringLiteral("polyai") << Environment::Production << polyai;
    }

    void validDrafts() {
        QFETCH(QString, provider);
        QFETCH(Environment, environment);
        QFETCH(EndpointDraft, draft);
        const ValidationIssues issues = DraftValidator(profileFor(provider), environment).validate(draft);
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
    }

    void invalidDrafts_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<Environment>("environment");
        QTest::addColumn<EndpointDraft>("draft");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("words");
        const auto add = [](const char *name, const QString &provider, Environment environment,
                            const std::function<void(EndpointDraft &)> &change, const QString &field,
                            const QStringList &words) {
            EndpointDraft draft = validDraft(provider);
            change(draft);
            QTest::newRow(name) << provider << environment << draft << field << words;
        };
        const Environment prod = Environment::Production;
        const Environment dev = Environment::Development;
        const QString layers = QStringLiteral("layers");
        const QString encrata = QStringLiteral("encrata");
        const QString signa = QStringLiteral("signa");
        const QString polyai = QStringLiteral("polyai");
        const QString url = QStringLiteral("url");
        const QString events = QStringLiteral("events");

        // URL
        add("no url", layers, prod, [](EndpointDraft &d) { d.url.clear(); }, url, {QStringLiteral("Enter the URL")});
        add("not a url", encrata, prod, [](EndpointDraft &d) { d.url = QStringLiteral("hooks example com"); }, url,
            {QStringLiteral("not a valid URL")});
        add("ftp", signa, prod, [](EndpointDraft &d) { d.url = QStringLiteral("ftp://files.example.com/x"); }, url,
            {QStringLiteral("https://")});
        add("no host", polyai, prod, [](EndpointDraft &d) { d.url = QStringLiteral("https:///hooks"); }, url,
            {QStringLiteral("no host")});
        add("upper-case scheme", polyai, prod,
            [](EndpointDraft &d) { d.url = QStringLiteral("HTTPS://example.com/h"); }, url,
            {QStringLiteral("lower case")});
        add("spaces", layers, prod, [](EndpointDraft &d) { d.url = QStringLiteral(" https://example.com/h"); }, url,
            {QStringLiteral("spaces")});
        add("too long", signa, prod,
            [](EndpointDraft &d) { d.url = QStringLiteral("https://example.com/") + QString(2029, QLatin1Char('a')); },
            url, {QStringLiteral("Signa"), QStringLiteral("2048"), QStringLiteral("2049")});
        add("layers http localhost in production", layers, prod,
            [](EndpointDraft &d) { d.url = QStringLiteral("http://localhost:8080/h"); }, url,
            {QStringLiteral("production"), QStringLiteral("localhost")});
        add("layers http elsewhere in development", layers, dev,
            [](EndpointDraft &d) { d.url = QStringLiteral("http://dev.example.com/h"); }, url,
            {QStringLiteral("only for localhost"), QStringLiteral("dev.example.com")});
        add("layers http localhost-like host", layers, dev,
            [](EndpointDraft &d) { d.url = QStringLiteral("http://localhost.evil.example/h"); }, url,
            {QStringLiteral("only for localhost")});
        add("signa http in production", signa, prod,
            [](EndpointDraft &d) { d.url = QStringLiteral("http://hooks.example.com/h"); }, url,
            {QStringLiteral("Signa"), QStringLiteral("production")});
        add("encrata http localhost in development", encrata, dev,
            [](EndpointDraft &d) { d.url = QStringLiteral("http://localhost/h"); }, url,
            {QStringLiteral("Encrata"), QStringLiteral("never")});
        add("polyai http", polyai, dev, [](EndpointDraft &d) { d.url = QStringLiteral("http://127.0.0.1/h"); }, url,
            {QStringLiteral("PolyAI requires an https URL")});

        // Events
        add("no events", layers, prod, [](EndpointDraft &d) { d.events.clear(); }, events,
            {QStringLiteral("at least one")});
        add("layers 51 events", layers, prod,
            [](EndpointDraft &d) { d.events = numberedEvents(QStringLiteral("custom.e"), 51); }, events,
            {QStringLiteral("Layers allows at most 50 event types; 51 are selected.")});
        add("signa 21 events", signa, prod,
            [](EndpointDraft &d) { d.events = QStringList(21, QStringLiteral("alert.created")); }, events,
            {QStringLiteral("Signa allows at most 20 event types; 21 are selected.")});
        add("duplicate event", encrata, prod,
            [](EndpointDraft &d) {
                d.events = QStringList{QStringLiteral("credits.low"), QStringLiteral("credits.low")};
            },
            events, {QStringLiteral("credits.low"), QStringLiteral("more than once")});
        add("signa webhook.test", signa, prod,
            [](EndpointDraft &d) { d.events = QStringList{QStringLiteral("webhook.test")}; }, events,
            {QStringLiteral("webhook.test"), QStringLiteral("cannot be subscribed to")});
        add("encrata unknown event", encrata, prod,
            [](EndpointDraft &d) { d.events << QStringLiteral("lookup.started"); }, events,
            {QStringLiteral("lookup.started"), QStringLiteral("Encrata")});
        add("polyai unknown event", polyai, prod,
            [](EndpointDraft &d) { d.events = {QStringLiteral("alert.created")}; }, events,
            {QStringLiteral("alert.created"), QStringLiteral("PolyAI")});
        add("layers malformed custom event", layers, prod,
            [](EndpointDraft &d) { d.events << QStringLiteral("Invoice Paid"); }, events,
            {QStringLiteral("Invoice Paid"), QStringLiteral("job.completed")});
        add("empty event", layers, prod, [](EndpointDraft &d) { d.events << QString(); }, events,
            {QStringLiteral("empty")});

        // Label
        add("polyai no name", polyai, prod, [](EndpointDraft &d) { d.label = QStringLiteral("  "); },
            QStringLiteral("label"), {QStringLiteral("PolyAI requires a name")});
        add("polyai name too long", polyai, prod, [](EndpointDraft &d) { d.label = QString(256, QLatin1Char('n')); },
            QStringLiteral("label"), {QStringLiteral("255"), QStringLiteral("256")});
        add("signa description too long", signa, prod,
            [](EndpointDraft &d) { d.label = QString(2001, QLatin1Char('d')); }, QStringLiteral("label"),
            {QStringLiteral("description"), QStringLiteral("2000"), QStringLiteral("2001")});

        // Project, scope, status
        add("layers project not a uuid", layers, prod, [](EndpointDraft &d) { d.projectId = QStringLiteral("proj-1"); },
            QStringLiteral("projectId"), {QStringLiteral("UUID")});
        add("layers project in braces", layers, prod,
            [](EndpointDraft &d) { d.projectId = QStringLiteral("{2481fa5c-a404-44ed-a561-565392499abc}"); },
            QStringLiteral("projectId"), {QStringLiteral("UUID")});
        add("encrata project", encrata, prod,
            [](EndpointDraft &d) { d.projectId = QStringLiteral("2481fa5c-a404-44ed-a561-565392499abc"); },
            QStringLiteral("projectId"), {QStringLiteral("Encrata has no project ID")});
        add("layers scope on create", layers, prod, [](EndpointDraft &d) { d.scope = QStringLiteral("all_children"); },
            QStringLiteral("scope"), {QStringLiteral("Layers"), QStringLiteral("creating")});
        add("signa scope", signa, prod, [](EndpointDraft &d) { d.scope = QStringLiteral("own"); },
            QStringLiteral("scope"), {QStringLiteral("Signa has no delivery scope")});
        add("layers paused on create", layers, prod, [](EndpointDraft &d) { d.enabled = false; },
            QStringLiteral("status"), {QStringLiteral("Layers"), QStringLiteral("active")});
        add("signa paused on create", signa, prod, [](EndpointDraft &d) { d.enabled = false; },
            QStringLiteral("status"), {QStringLiteral("Signa")});

        // Metadata, headers, timeout
        add("layers metadata on create", layers, prod,
            [](EndpointDraft &d) {
                d.metadata = {{QStringLiteral("a"), QStringLiteral("b")}};
            },
            QStringLiteral("metadata"), {QStringLiteral("Layers"), QStringLiteral("creating")});
        add("signa empty metadata key", signa, prod,
            [](EndpointDraft &d) { d.metadata.insert(QString(), QStringLiteral("v")); }, QStringLiteral("metadata"),
            {QStringLiteral("key is empty")});
        add("polyai metadata", polyai, prod,
            [](EndpointDraft &d) {
                d.metadata = {{QStringLiteral("a"), QStringLiteral("b")}};
            },
            QStringLiteral("metadata"), {QStringLiteral("PolyAI has no metadata")});
        add("layers headers", layers, prod,
            [](EndpointDraft &d) {
                d.headers = {{QStringLiteral("X-A"), QStringLiteral("b")}};
            },
            QStringLiteral("headers"), {QStringLiteral("Layers has no custom headers")});
        add("polyai header name with space", polyai, prod,
            [](EndpointDraft &d) { d.headers.insert(QStringLiteral("X Custom"), QStringLiteral("v")); },
            QStringLiteral("headers"), {QStringLiteral("X Custom"), QStringLiteral("not a valid HTTP header name")});
        add("polyai header name with colon", polyai, prod,
            [](EndpointDraft &d) { d.headers.insert(QStringLiteral("X-A:"), QStringLiteral("v")); },
            QStringLiteral("headers"), {QStringLiteral("not a valid HTTP header name")});
        add("polyai empty header name", polyai, prod,
            [](EndpointDraft &d) { d.headers.insert(QString(), QStringLiteral("v")); }, QStringLiteral("headers"),
            {QStringLiteral("header name is empty")});
        add("polyai header injection", polyai, prod,
            [](EndpointDraft &d) { d.headers.insert(QStringLiteral("X-A"), QStringLiteral("v\r\nX-Evil: 1")); },
            QStringLiteral("headers"), {QStringLiteral("X-A"), QStringLiteral("line breaks")});
        add("polyai header twice", polyai, prod,
            [](EndpointDraft &d) { d.headers.insert(QStringLiteral("x-custom-header"), QStringLiteral("v")); },
            QStringLiteral("headers"), {QStringLiteral("more than once")});
        add("polyai timeout too short", polyai, prod, [](EndpointDraft &d) { d.timeoutMs = 999; },
            QStringLiteral("timeoutMs"), {QStringLiteral("1000"), QStringLiteral("30000"), QStringLiteral("999")});
        add("polyai timeout too long", polyai, prod, [](EndpointDraft &d) { d.timeoutMs = 30001; },
            QStringLiteral("timeoutMs"), {QStringLiteral("30001")});
        add("encrata timeout", encrata, prod, [](EndpointDraft &d) { d.timeoutMs = 5000; }, QStringLiteral("timeoutMs"),
            {QStringLiteral("Encrata has no delivery timeout")});
    }

    void invalidDrafts() {
        QFETCH(QString, provider);
        QFETCH(Environment, environment);
        QFETCH(EndpointDraft, draft);
        QFETCH(QString, field);
        QFETCH(QStringList, words);
        const ValidationIssues issues = DraftValidator(profileFor(provider), environment).validate(draft);
        QVERIFY2(hasIssue(issues, field, words), qPrintable(describe(issues)));
        // Each case breaks one rule; the others stay quiet.
        for (const ValidationIssue &issue : issues)
            QVERIFY2(issue.field == field, qPrintable(describe(issues)));
        for (const ValidationIssue &issue : issues)
            QVERIFY2(issue.message.endsWith(QLatin1Char('.')), qPrintable(issue.message));
    }

    void exactMessages() {
        EndpointDraft draft = validDraft(QStringLiteral("signa"));
        draft.events = QStringList{QStringLiteral("webhook.test")};
        const ValidationIssues issues =
            DraftValidator(profileFor(QStringLiteral("signa")), Environment::Production).validate(draft);
        QCOMPARE(issues.size(), 1);
        // The reason comes from the profile's catalog, word for word.
        QCOMPARE(
            issues.first().message,
            profileFor(QStringLiteral("signa")).catalogEvent(QStringLiteral("webhook.test"))->notSubscribableReason);
    }

    void duplicatesAreReportedOnce() {
        EndpointDraft draft = validDraft(QStringLiteral("signa"));
        draft.events = QStringList(3, QStringLiteral("alert.created"));
        const ValidationIssues issues =
            DraftValidator(profileFor(QStringLiteral("signa")), Environment::Production).validate(draft);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().message, QStringLiteral("alert.created is selected more than once."));
    }

    void severalIssuesAtOnce() {
        EndpointDraft draft;
        draft.url = QStringLiteral("http://example.com");
        draft.timeoutMs = 10;
        const ValidationIssues issues =
            DraftValidator(profileFor(QStringLiteral("polyai")), Environment::Production).validate(draft);
        QStringList fields;
        for (const ValidationIssue &issue : issues)
            fields << issue.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("events"), QStringLiteral("label"), QStringLiteral("timeoutMs"),
                                      QStringLiteral("url")}));
    }

    void customEvents() {
        const DraftValidator layers(profileFor(QStringLiteral("layers")), Environment::Production);
        QCOMPARE(layers.customEvents({QStringLiteral("job.completed"), QStringLiteral("invoice.paid"),
                                      QStringLiteral("Bad Type"), QStringLiteral("invoice.paid"),
                                      QStringLiteral("user.signed_up")}),
                 (QStringList{QStringLiteral("invoice.paid"), QStringLiteral("user.signed_up")}));
        const DraftValidator encrata(profileFor(QStringLiteral("encrata")), Environment::Production);
        QVERIFY(encrata.customEvents({QStringLiteral("invoice.paid")}).isEmpty());
    }

    // ---- edits ----------------------------------------------------------------------------

    void validPatches_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<EndpointPatch>("patch");
        EndpointPatch clear;
        clear.label = QString();
        QTest::newRow("layers clear description") << QStringLiteral("layers") << clear;
        QTest::newRow("encrata clear description") << QStringLiteral("encrata") << clear;
        EndpointPatch unset;
        unset.metadata = StringMap{{QStringLiteral("old"), QString()}}; // empty value unsets the key
        QTest::newRow("layers unset metadata key") << QStringLiteral("layers") << unset;
        EndpointPatch scope;
        scope.scope = QStringLiteral("all_children");
        QTest::newRow("layers scope") << QStringLiteral("layers") << scope;
        EndpointPatch pause;
        pause.status = EndpointStatus::Paused;
        QTest::newRow("signa pause") << QStringLiteral("signa") << pause;
        EndpointPatch headers;
        headers.headers = StringMap();
        headers.timeoutMs = 1000;
        QTest::newRow("polyai remove headers") << QStringLiteral("polyai") << headers;
        QTest::newRow("empty patch") << QStringLiteral("encrata") << EndpointPatch();
    }

    void validPatches() {
        QFETCH(QString, provider);
        QFETCH(EndpointPatch, patch);
        const ValidationIssues issues = DraftValidator(profileFor(provider), Environment::Production).validate(patch);
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
    }

    void invalidPatches_data() {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<EndpointPatch>("patch");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("words");
        const auto add = [](const char *name, const QString &provider, const std::function<void(EndpointPatch &)> &set,
                            const QString &field, const QStringList &words) {
            EndpointPatch patch;
            set(patch);
            QTest::newRow(name) << provider << patch << field << words;
        };
        add("layers no events", QStringLiteral("layers"), [](EndpointPatch &p) { p.events = QStringList(); },
            QStringLiteral("events"), {QStringLiteral("at least one")});
        add("signa 21 events", QStringLiteral("signa"),
            [](EndpointPatch &p) { p.events = QStringList(21, QStringLiteral("alert.created")); },
            QStringLiteral("events"), {QStringLiteral("at most 20")});
        add("signa http url", QStringLiteral("signa"),
            [](EndpointPatch &p) { p.url = QStringLiteral("http://example.com/h"); }, QStringLiteral("url"),
            {QStringLiteral("production")});
        add("polyai clear name", QStringLiteral("polyai"), [](EndpointPatch &p) { p.label = QString(); },
            QStringLiteral("label"), {QStringLiteral("name"), QStringLiteral("cannot be cleared")});
        add("signa long description", QStringLiteral("signa"),
            [](EndpointPatch &p) { p.label = QString(2001, QLatin1Char('x')); }, QStringLiteral("label"),
            {QStringLiteral("2000")});
        add("layers auto-paused", QStringLiteral("layers"),
            [](EndpointPatch &p) { p.status = EndpointStatus::AutoPaused; }, QStringLiteral("status"),
            {QStringLiteral("Layers"), QStringLiteral("auto-pauses")});
        add("unknown status", QStringLiteral("polyai"), [](EndpointPatch &p) { p.status = EndpointStatus::Unknown; },
            QStringLiteral("status"), {QStringLiteral("active or paused")});
        add("layers bad scope", QStringLiteral("layers"),
            [](EndpointPatch &p) { p.scope = QStringLiteral("firehose"); }, QStringLiteral("scope"),
            {QStringLiteral("firehose"), QStringLiteral("own, all_children")});
        add("encrata scope", QStringLiteral("encrata"), [](EndpointPatch &p) { p.scope = QStringLiteral("own"); },
            QStringLiteral("scope"), {QStringLiteral("Encrata has no delivery scope")});
        add("encrata metadata", QStringLiteral("encrata"),
            [](EndpointPatch &p) {
                p.metadata = StringMap{{QStringLiteral("a"), QStringLiteral("b")}};
            },
            QStringLiteral("metadata"), {QStringLiteral("Encrata has no metadata")});
        add("layers empty metadata key", QStringLiteral("layers"),
            [](EndpointPatch &p) {
                p.metadata = StringMap{{QString(), QStringLiteral("b")}};
            },
            QStringLiteral("metadata"), {QStringLiteral("key is empty")});
        add("polyai bad header", QStringLiteral("polyai"),
            [](EndpointPatch &p) {
                p.headers = StringMap{{QStringLiteral("Bad Header"), QStringLiteral("v")}};
            },
            QStringLiteral("headers"), {QStringLiteral("Bad Header")});
        add("polyai zero timeout", QStringLiteral("polyai"), [](EndpointPatch &p) { p.timeoutMs = 0; },
            QStringLiteral("timeoutMs"), {QStringLiteral("1000")});
        add("signa timeout", QStringLiteral("signa"), [](EndpointPatch &p) { p.timeoutMs = 5000; },
            QStringLiteral("timeoutMs"), {QStringLiteral("Signa has no delivery timeout")});
    }

    void invalidPatches() {
        QFETCH(QString, provider);
        QFETCH(EndpointPatch, patch);
        QFETCH(QString, field);
        QFETCH(QStringList, words);
        const ValidationIssues issues = DraftValidator(profileFor(provider), Environment::Production).validate(patch);
        QVERIFY2(hasIssue(issues, field, words), qPrintable(describe(issues)));
        for (const ValidationIssue &issue : issues)
            QVERIFY2(issue.field == field, qPrintable(describe(issues)));
    }

    // The rules are the profile's: a user profile that narrows updateFields narrows the validator.
    void rulesComeFromTheProfile() {
        QFile file(QStringLiteral(":/providers/encrata.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        json.insert(QStringLiteral("updateFields"), QJsonArray{QStringLiteral("events")});
        json.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("eventsMin"), 2},
                                                          {QStringLiteral("eventsMax"), 3},
                                                          {QStringLiteral("urlMaxLength"), 30}});
        QString error;
        const std::optional<ProviderProfile> narrowed = ProviderProfile::fromJson(json, &error);
        QVERIFY2(narrowed, qPrintable(error));
        const DraftValidator validator(*narrowed, Environment::Production);

        EndpointPatch patch;
        patch.url = QStringLiteral("https://example.com/h");
        ValidationIssues issues = validator.validate(patch);
        QVERIFY2(hasIssue(issues, QStringLiteral("url"), {QStringLiteral("Encrata cannot change the URL")}),
                 qPrintable(describe(issues)));

        EndpointDraft draft = validDraft(QStringLiteral("encrata"));
        draft.url = QStringLiteral("https://example.com/a-rather-long-path");
        issues = validator.validate(draft);
        QVERIFY2(hasIssue(issues, QStringLiteral("url"), {QStringLiteral("30")}), qPrintable(describe(issues)));
        QVERIFY2(
            hasIssue(issues, QStringLiteral("events"), {QStringLiteral("at least 2"), QStringLiteral("1 selected")}),
            qPrintable(describe(issues)));
    }
};

QTEST_GUILESS_MAIN(TestDraftValidator)
#include "tst_DraftValidator.moc"
