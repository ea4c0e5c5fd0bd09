#include "DeliveryDetails.h"

#include "DeliveryTableModel.h"
#include "VisibleText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QPlainTextEdit *readOnlyText(const QString &objectName, const QString &accessibleName, QWidget *parent) {
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(objectName);
    text->setAccessibleName(accessibleName);
    text->setReadOnly(true);
    text->setTabChangesFocus(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Two lines at least, so the dock can stay low and leave the window to the endpoints.
    text->setMinimumHeight(2 * text->fontMetrics().lineSpacing() + 2 * text->frameWidth() +
                           int(2 * text->document()->documentMargin()));
    return text;
}

} // namespace

DeliveryDetails::DeliveryDetails(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_headers(readOnlyText(QStringLiteral("deliveryHeaders"), tr("Headers"), this))
    , m_bodyTabs(new QTabWidget(this))
    , m_pretty(readOnlyText(QStringLiteral("deliveryBodyPretty"), tr("Body as JSON"), this))
    , m_raw(readOnlyText(QStringLiteral("deliveryBodyRaw"), tr("Body as received"), this))
    , m_forward(new QLabel(this))
    , m_forwardBody(readOnlyText(QStringLiteral("deliveryForwardBody"), tr("Forward target's answer"), this)) {
    setObjectName(QStringLiteral("deliveryDetails"));
    setAccessibleName(tr("Delivery details"));
    m_verdict->setObjectName(QStringLiteral("deliveryVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_verdict->setFocusPolicy(Qt::StrongFocus);
    m_verdict->setAccessibleName(tr("Verdict"));
    m_forward->setObjectName(QStringLiteral("deliveryForward"));
    m_forward->setWordWrap(true);
    m_forward->setTextFormat(Qt::PlainText);
    m_forward->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_bodyTabs->setObjectName(QStringLiteral("deliveryBodyTabs"));
    m_bodyTabs->setAccessibleName(tr("Body"));
    m_bodyTabs->addTab(m_pretty, tr("Pretty &JSON"));
    m_bodyTabs->addTab(m_raw, tr("Ra&w"));
    m_bodyTabs->tabBar()->installEventFilter(this);
    m_forwardBody->setMaximumHeight(fontMetrics().height() * 6);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(new QLabel(tr("Headers"), this));
    layout->addWidget(m_headers, 2);
    layout->addWidget(m_bodyTabs, 3);
    layout->addWidget(m_forward);
    layout->addWidget(m_forwardBody, 1);
    showNothing();
}

QList<QWidget *> DeliveryDetails::tabStops() const {
    return {m_verdict, m_headers, m_bodyTabs, m_forwardBody}; // the tabs hold their pages
}

bool DeliveryDetails::eventFilter(QObject *watched, QEvent *event) {
    // A tab's mnemonic (Alt+J, Alt+W) only turns the page; the keyboard goes to the toggle too, as
    // a label's mnemonic takes it to its field, so that Tab goes on into the body shown.
    if (watched == m_bodyTabs->tabBar() && event->type() == QEvent::Shortcut)
        m_bodyTabs->tabBar()->setFocus(Qt::ShortcutFocusReason);
    return QWidget::eventFilter(watched, event);
}

void DeliveryDetails::showNothing() {
    m_verdict->setText(tr("Select a delivery to see its headers, body and verdict."));
    m_headers->clear();
    m_pretty->clear();
    m_raw->clear();
    m_forward->hide();
    m_forwardBody->hide();
    m_bodyTabs->setTabEnabled(0, true);
}

void DeliveryDetails::showDelivery(const CapturedDelivery &delivery, const QString &connectionName) {
    const QString title = DeliveryTableModel::verdictTitle(delivery.verdict);
    QString verdict = delivery.verdictMessage.isEmpty() ? title : tr("%1: %2").arg(title, delivery.verdictMessage);
    if (!delivery.endpointId.isEmpty())
        verdict += QLatin1Char('\n') + tr("Endpoint %1 of %2").arg(delivery.endpointId, connectionName);
    m_verdict->setText(verdict);

    QStringList headers{VisibleText::of(delivery.method.toLatin1() + ' ' + delivery.path.toLatin1())};
    for (const auto &[name, value] : delivery.headers)
        headers << VisibleText::of(name) + QStringLiteral(": ") + VisibleText::of(value);
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));

    m_raw->setPlainText(VisibleText::of(delivery.body, VisibleText::LineBreaks::Kept));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(delivery.body, &error);
    const bool isJson = error.error == QJsonParseError::NoError && !delivery.body.isEmpty();
    // Pretty JSON's own line breaks are kept; a string's are already escaped by the writer.
    m_pretty->setPlainText(isJson ? VisibleText::of(json.toJson(QJsonDocument::Indented), VisibleText::LineBreaks::Kept)
                                  : QString());
    m_bodyTabs->setTabEnabled(0, isJson);
    m_bodyTabs->setTabToolTip(0, isJson ? QString() : tr("The body is not JSON; Raw shows it as received."));
    if (!isJson)
        m_bodyTabs->setCurrentIndex(1);

    const ForwardOutcome &forward = delivery.forward;
    m_forward->setVisible(forward.wasForwarded());
    m_forwardBody->setVisible(forward.wasForwarded() && !forward.body.isEmpty());
    QString answered;
    if (forward.status == 0)
        answered = tr("Forward failed after %1 ms: %2").arg(forward.ms).arg(forward.error);
    else if (forward.bodyTruncated)
        answered = tr("Forward target answered %1 in %2 ms, with a body longer than %3 KiB: the first %3 KiB are "
                      "shown.")
                       .arg(forward.status)
                       .arg(forward.ms)
                       .arg(ForwardOutcome::maxBodyBytes / 1024);
    else if (forward.body.isEmpty())
        answered = tr("Forward target answered %1 in %2 ms, with no body.").arg(forward.status).arg(forward.ms);
    else
        answered = tr("Forward target answered %1 in %2 ms:").arg(forward.status).arg(forward.ms);
    m_forward->setText(answered);
    m_forwardBody->setAccessibleDescription(answered);
    m_forwardBody->setPlainText(VisibleText::of(forward.body, VisibleText::LineBreaks::Kept));
}
