#include "EndpointDetailsPane.h"

#include "ClipboardGuard.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString mapText(const StringMap &map) {
    QStringList lines;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        lines << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    return lines.join(QLatin1Char('\n'));
}

// Long ids and URLs have no spaces, so QLabel cannot wrap them; zero-width spaces after
// separators give it places to break (display only: the copy button copies the real id).
QString breakable(const QString &text) {
    QString result;
    for (const QChar c : text) {
        result += c;
        if (c == QLatin1Char('/') || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_') ||
            c == QLatin1Char('?') || c == QLatin1Char('&'))
            result += QChar(0x200B);
    }
    return result;
}

// "2 active", "1 auto-paused": whole phrases, since word order and case differ between languages.
QString statusCount(EndpointStatus status, int count) {
    switch (status) {
    case EndpointStatus::Active:
        return EndpointDetailsPane::tr("%1 active").arg(count);
    case EndpointStatus::Paused:
        return EndpointDetailsPane::tr("%1 paused").arg(count);
    case EndpointStatus::AutoPaused:
        return EndpointDetailsPane::tr("%1 auto-paused").arg(count);
    case EndpointStatus::Disabled:
        return EndpointDetailsPane::tr("%1 disabled").arg(count);
    case EndpointStatus::Unknown:
        break;
    }
    return EndpointDetailsPane::tr("%1 in a status the console does not know").arg(count);
}

// With its time zone: an operator comparing with a provider's log or dashboard needs to know which.
QString timeText(const QDateTime &time) {
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return EndpointDetailsPane::tr("%1 %2", "date and time, time zone")
        .arg(QLocale().toString(local, QLocale::ShortFormat), local.timeZoneAbbreviation());
}

} // namespace

EndpointDetailsPane::EndpointDetailsPane(ClipboardGuard *clipboard, QWidget *parent)
    : QWidget(parent)
    , m_clipboard(clipboard)
    , m_summary(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_details(new QWidget(this))
    , m_form(new QFormLayout)
    , m_idLabel(new QLabel(m_details))
    , m_copyId(new QToolButton(m_details))
    , m_rawToggle(new QToolButton(m_details))
    , m_raw(new QPlainTextEdit(m_details)) {
    setObjectName(QStringLiteral("detailsPane"));
    setAccessibleName(tr("Endpoint details"));
    m_summary->setObjectName(QStringLiteral("detailsSummary"));
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_idLabel->setObjectName(QStringLiteral("detailId"));
    m_idLabel->setWordWrap(true);
    m_idLabel->setMinimumWidth(1);
    m_idLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_idLabel->setAccessibleName(tr("Endpoint id"));
    m_copyId->setObjectName(QStringLiteral("copyEndpointId"));
    m_copyId->setText(tr("Copy ID"));
    m_copyId->setToolTip(tr("Copy the endpoint id"));
    m_copyId->setAccessibleName(tr("Copy the endpoint id"));
    auto *title = new QLabel(tr("Endpoint"), m_details);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(title, 1);
    header->addWidget(m_copyId);
    // A wrapped label keeps its height only as a direct field of the form (height-for-width).
    m_form->addRow(tr("ID:"), m_idLabel);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    addField(QStringLiteral("url"), tr("URL:"));
    addField(QStringLiteral("label"), tr("Label:"));
    addField(QStringLiteral("status"), tr("Status:"));
    addField(QStringLiteral("events"), tr("Events:"));
    addField(QStringLiteral("failures"), tr("Failures in a row:"));
    addField(QStringLiteral("lastSuccess"), tr("Last success:"));
    addField(QStringLiteral("lastFailure"), tr("Last failure:"));
    addField(QStringLiteral("secret"), tr("Signing secret:"));
    addField(QStringLiteral("secretVersion"), tr("Secret version:"));
    addField(QStringLiteral("projectId"), tr("Project:"));
    addField(QStringLiteral("scope"), tr("Scope:"));
    addField(QStringLiteral("metadata"), tr("Metadata:"));
    addField(QStringLiteral("headers"), tr("Headers:"));
    addField(QStringLiteral("timeout"), tr("Timeout:"));
    addField(QStringLiteral("created"), tr("Created:"));
    addField(QStringLiteral("updated"), tr("Updated:"));

    m_rawToggle->setObjectName(QStringLiteral("rawJsonToggle"));
    m_rawToggle->setText(tr("Provider JSON"));
    m_rawToggle->setCheckable(true);
    m_rawToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_rawToggle->setArrowType(Qt::RightArrow);
    m_rawToggle->setAutoRaise(true);
    m_rawToggle->setAccessibleName(tr("Show the provider's JSON"));
    m_raw->setObjectName(QStringLiteral("rawJson"));
    m_raw->setAccessibleName(tr("Provider JSON"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->hide();

    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(header);
    detailsLayout->addLayout(m_form);
    detailsLayout->addWidget(m_rawToggle);
    detailsLayout->addWidget(m_raw, 1);
    detailsLayout->addStretch();

    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setAccessibleName(tr("Endpoint details"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_details);
    // The scroll area itself is no stop on the way: Tab goes from Copy ID to Provider JSON.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    setTabOrder(m_copyId, m_rawToggle);
    setTabOrder(m_rawToggle, m_raw);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_scroll, 1);
    m_scroll->hide();

    connect(m_copyId, &QToolButton::clicked, this, [this] { m_clipboard->copyText(m_id); });
    connect(m_rawToggle, &QToolButton::toggled, this, [this](bool open) {
        m_raw->setVisible(open);
        m_rawToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        if (open)
            askForProviderJson();
    });
    showEndpoint(std::nullopt);
}

QLabel *EndpointDetailsPane::addField(const QString &objectName, const QString &title) {
    auto *label = new QLabel(m_details);
    label->setObjectName(QStringLiteral("detail_") + objectName);
    label->setWordWrap(true);
    label->setMinimumWidth(1);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(QString(title).remove(QLatin1Char(':')));
    m_form->addRow(title, label);
    m_fields.insert(objectName, label);
    return label;
}

void EndpointDetailsPane::showEndpoint(const std::optional<Endpoint> &endpoint, std::optional<bool> secretStored,
                                       const std::optional<QDateTime> &previousReplacedAt) {
    const bool shown = endpoint.has_value();
    m_summary->setVisible(!shown);
    m_scroll->setVisible(shown);
    if (!endpoint) {
        m_id.clear();
        m_summary->setText(tr("Select an endpoint to see its details."));
        m_summary->setForegroundRole(QPalette::PlaceholderText);
        return;
    }
    m_id = endpoint->id;
    m_idLabel->setText(breakable(endpoint->id));
    const auto set = [this](const QString &field, const QString &text) {
        QLabel *label = m_fields.value(field);
        label->setText(text.isEmpty() ? QStringLiteral("—") : text);
        // The label's accessible name is its field's title, so the value is read out from here.
        label->setAccessibleDescription(label->text());
        // Rows the provider does not have stay out of the way.
        m_form->setRowVisible(label, !text.isEmpty() || field == QLatin1String("label"));
    };
    set(QStringLiteral("url"), breakable(endpoint->url));
    set(QStringLiteral("label"), endpoint->label);
    QString status = endpointStatusDisplayText(endpoint->status);
    set(QStringLiteral("status"), status);
    set(QStringLiteral("events"), endpoint->events.join(QLatin1Char('\n')));
    set(QStringLiteral("failures"),
        endpoint->consecutiveFailures ? QString::number(*endpoint->consecutiveFailures) : QString());
    set(QStringLiteral("lastSuccess"), timeText(endpoint->lastSuccessAt));
    set(QStringLiteral("lastFailure"), timeText(endpoint->lastFailureAt));
    QString secret = !secretStored   ? QString()
                     : *secretStored ? tr("Stored in your keychain")
                                     : tr("Not in this keychain (import it, or rotate it)");
    if (previousReplacedAt) // until the operator forgets it (Endpoint → Forget Previous Secret)
        secret += QLatin1Char('\n') +
                  (previousReplacedAt->isValid()
                       ? tr("The previous one is kept too (replaced %1)").arg(timeText(*previousReplacedAt))
                       : tr("The previous one is kept too"));
    set(QStringLiteral("secret"), secret);
    set(QStringLiteral("secretVersion"),
        endpoint->secretVersion ? QString::number(*endpoint->secretVersion) : QString());
    set(QStringLiteral("projectId"), endpoint->projectId);
    set(QStringLiteral("scope"), endpoint->scope);
    set(QStringLiteral("metadata"), mapText(endpoint->metadata));
    set(QStringLiteral("headers"), mapText(endpoint->headers));
    set(QStringLiteral("timeout"), endpoint->timeoutMs ? tr("%1 ms").arg(*endpoint->timeoutMs) : QString());
    set(QStringLiteral("created"), timeText(endpoint->createdAt));
    set(QStringLiteral("updated"), timeText(endpoint->updatedAt));
    if (!endpoint->raw.isEmpty()) {
        m_rawFor = m_id;
        m_raw->setPlainText(QString::fromUtf8(QJsonDocument(endpoint->raw).toJson(QJsonDocument::Indented)));
    } else if (m_rawFor != m_id) { // the same endpoint keeps what was fetched for it
        m_rawFor.clear();
        m_raw->clear();
        if (m_rawToggle->isChecked())
            askForProviderJson();
    }
}

void EndpointDetailsPane::askForProviderJson() {
    if (m_id.isEmpty() || m_rawFor == m_id)
        return;
    m_rawFor = m_id;
    m_raw->clear();
    m_raw->setPlaceholderText(tr("Asking the provider…"));
    emit providerJsonWanted(m_id);
}

void EndpointDetailsPane::showProviderJson(const QString &endpointId, const QJsonObject &json,
                                           const QString &errorText) {
    if (endpointId != m_id || endpointId != m_rawFor)
        return;
    if (!errorText.isEmpty()) {
        m_rawFor.clear(); // opening it again asks again
        m_raw->clear();
        m_raw->setPlaceholderText(tr("The provider's JSON could not be had: %1").arg(errorText));
        return;
    }
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void EndpointDetailsPane::showSummary(const QList<Endpoint> &endpoints) {
    m_id.clear();
    m_scroll->setVisible(false);
    m_summary->setVisible(true);
    m_summary->setForegroundRole(QPalette::WindowText);
    QMap<EndpointStatus, int> byStatus;
    for (const Endpoint &endpoint : endpoints)
        ++byStatus[endpoint.status];
    // Always in this order, so the summary reads the same way every time.
    QStringList parts;
    for (const EndpointStatus status : {EndpointStatus::Active, EndpointStatus::Paused, EndpointStatus::AutoPaused,
                                        EndpointStatus::Disabled, EndpointStatus::Unknown}) {
        if (const int count = byStatus.value(status))
            parts << statusCount(status, count);
    }
    m_summary->setText(tr("%1 endpoints selected").arg(endpoints.size()) + QLatin1Char('\n') +
                       parts.join(QStringLiteral(" · ")) + QStringLiteral("\n\n") +
                       tr("Pause/Resume and Delete act on all of them; select one to see its details."));
}

void EndpointDetailsPane::setLabelTitle(const QString &title) {
    QLabel *field = m_fields.value(QStringLiteral("label"));
    if (auto *titleLabel = qobject_cast<QLabel *>(m_form->labelForField(field)))
        titleLabel->setText(tr("%1:").arg(title));
    field->setAccessibleName(title);
}

QWidget *EndpointDetailsPane::tabEntry() const {
    return m_copyId;
}

QWidget *EndpointDetailsPane::tabExit() const {
    return m_raw;
}
