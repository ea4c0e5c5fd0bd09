#include "SecretDialog.h"

#include "ErrorText.h"

#include "ClipboardGuard.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

// Every provider's secrets so far fit in this many characters: whsec_ and 64 hex digits.
constexpr int LongSecretLength = 70;

QString headingFor(SecretDialog::Occasion occasion, bool stored, const QString &endpointLabel) {
    switch (occasion) {
    case SecretDialog::Occasion::Rotated:
        return stored ? SecretDialog::tr("Signing secret of %1 rotated; the new one is stored in your keychain")
                            .arg(endpointLabel)
                      : SecretDialog::tr("Signing secret of %1 rotated, but the new one was NOT stored")
                            .arg(endpointLabel);
    case SecretDialog::Occasion::Created:
    case SecretDialog::Occasion::Recovered:
        break;
    }
    return stored ? SecretDialog::tr("Signing secret stored in your keychain")
                  : SecretDialog::tr("The signing secret was NOT stored");
}

} // namespace

SecretDialog::SecretDialog(Occasion occasion, const QString &endpointLabel, const QString &secret,
                           const SecretResult &keychainResult, ClipboardGuard *clipboard, QWidget *parent)
    : QDialog(parent)
    , m_stored(keychainResult.ok())
    , m_clipboard(clipboard)
    , m_heading(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_reveal(new QPushButton(tr("&Reveal"), this))
    , m_copy(new QPushButton(tr("&Copy secret"), this))
    , m_copyStatus(new QLabel(this))
    , m_close(new QPushButton(tr("C&lose"), this)) {
    setObjectName(QStringLiteral("SecretDialog"));
    setWindowTitle(occasion == Occasion::Rotated ? tr("Secret rotated — %1").arg(endpointLabel)
                                                 : tr("Signing secret — %1").arg(endpointLabel));
    setMinimumWidth(520);

    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setText(headingFor(occasion, m_stored, endpointLabel));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    auto *endpoint = new QLabel(tr("Endpoint: %1").arg(endpointLabel), this);
    endpoint->setObjectName(QStringLiteral("endpointLabel"));
    endpoint->setWordWrap(true);

    if (!m_stored) {
        const QString reason =
            keychainResult.errorText.isEmpty() ? secretStatusName(keychainResult.status) : keychainResult.errorText;
        m_warning = new QLabel(this);
        m_warning->setObjectName(QStringLiteral("keychainWarning"));
        m_warning->setWordWrap(true);
        m_warning->setTextFormat(Qt::PlainText);
        m_warning->setText(tr("Your keychain could not store this signing secret: %1\n"
                              "The provider will never show it again. Copy it now and keep it somewhere safe, "
                              "such as a password manager.")
                               .arg(reason));
    }

    auto *secretTitle = new QLabel(tr("Signing &secret:"), this);
    secretTitle->setBuddy(m_secret);
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setAccessibleName(tr("Signing secret"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setText(secret);
    m_secret->setCursorPosition(0);
    // Wide enough for the whole secret once revealed: never cut off, never scrolled.
    const int characters = qMax(int(secret.size()), LongSecretLength);
    const int frame = m_secret->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_secret);
    const QMargins margins = m_secret->textMargins();
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(QString(characters, QLatin1Char('0'))) +
                              2 * frame + margins.left() + margins.right() + 4 /* QLineEdit's own margin */ +
                              m_secret->fontMetrics().averageCharWidth() /* the cursor, and air */);
    // The only way out is Copy (through ClipboardGuard): no selection, which X11 would publish as
    // the primary selection, no plain Ctrl+C, and a context menu that copies the guarded way.
    m_secret->installEventFilter(this);
    connect(m_secret, &QLineEdit::selectionChanged, m_secret, [this] {
        if (m_secret->hasSelectedText())
            m_secret->deselect();
    });
    auto *copyAction = new QAction(tr("Copy secret"), m_secret);
    connect(copyAction, &QAction::triggered, this, &SecretDialog::copySecret);
    m_secret->addAction(copyAction);
    m_secret->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setAccessibleName(tr("Reveal secret"));
    m_reveal->setCheckable(true);
    m_reveal->setAutoDefault(false);
    connect(m_reveal, &QPushButton::toggled, this, &SecretDialog::setRevealed);

    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy secret to the clipboard"));
    m_copy->setEnabled(m_clipboard && !secret.isEmpty());
    connect(m_copy, &QPushButton::clicked, this, &SecretDialog::copySecret);
    if (m_clipboard)
        connect(m_clipboard, &ClipboardGuard::countdownChanged, this, &SecretDialog::countdownChanged);

    m_copyStatus->setObjectName(QStringLiteral("copyStatus"));
    m_copyStatus->setAccessibleName(tr("Clipboard status"));
    m_copyStatus->setVisible(false);

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_reveal);
    secretRow->addWidget(m_copy);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    if (m_warning)
        layout->addWidget(m_warning);
    layout->addWidget(endpoint);
    layout->addWidget(secretTitle);
    layout->addLayout(secretRow);
    layout->addWidget(m_copyStatus);

    if (!m_stored) {
        m_saved = new QCheckBox(tr("I have sa&ved this secret somewhere safe"), this);
        m_saved->setObjectName(QStringLiteral("savedCheckBox"));
        m_saved->setAccessibleName(tr("I have saved this secret somewhere safe"));
        connect(m_saved, &QCheckBox::toggled, this, &SecretDialog::updateCloseButton);
        layout->addWidget(m_saved);
    }

    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setAccessibleName(tr("Close"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    layout->addWidget(buttons);

    // Shown revealed when it is not stored: the operator has to take it now.
    m_reveal->setChecked(!m_stored);
    setRevealed(!m_stored);
    (m_stored ? m_close : m_copy)->setDefault(true);
    m_copy->setFocus();
    updateCloseButton();
    applyErrorColours();
}

SecretDialog::~SecretDialog() {
    // setText() rather than clear(): clear() would keep the old text in the line edit's undo history.
    m_secret->setText(QString());
}

bool SecretDialog::isAcknowledged() const {
    return m_stored || m_copied || (m_saved && m_saved->isChecked());
}

void SecretDialog::done(int result) {
    if (!isAcknowledged())
        return;
    QDialog::done(result);
}

bool SecretDialog::eventFilter(QObject *watched, QEvent *event) {
    if (watched != m_secret)
        return QDialog::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        m_secret->setFocus(Qt::MouseFocusReason);
        return true;
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
        return true;
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                copySecret();
            return event->type() == QEvent::KeyPress;
        }
        // Shift+arrows could still select, but selectionChanged undoes that at once.
        if (key->matches(QKeySequence::SelectAll))
            return event->type() == QEvent::KeyPress;
        break;
    }
    default:
        break;
    }
    return QDialog::eventFilter(watched, event);
}

void SecretDialog::changeEvent(QEvent *event) {
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColours();
}

void SecretDialog::copySecret() {
    if (!m_clipboard)
        return;
    m_copied = true;
    m_clipboard->copySecret(m_secret->text());
    updateCloseButton();
}

void SecretDialog::setRevealed(bool revealed) {
    m_secret->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("&Hide") : tr("&Reveal"));
    m_reveal->setAccessibleName(revealed ? tr("Hide secret") : tr("Reveal secret"));
}

void SecretDialog::countdownChanged(int secondsLeft) {
    if (!m_copied)
        return;
    m_copyStatus->setText(secondsLeft > 0 ? tr("Copied — the clipboard clears in %n s", nullptr, secondsLeft)
                                          : tr("The secret is no longer on the clipboard."));
    m_copyStatus->setVisible(true);
}

void SecretDialog::updateCloseButton() {
    m_close->setEnabled(isAcknowledged());
    if (!m_stored)
        m_close->setToolTip(isAcknowledged() ? QString()
                                             : tr("Copy the secret, or confirm you saved it, before closing."));
}

void SecretDialog::applyErrorColours() {
    if (m_stored)
        return;
    ErrorText::apply(m_heading, palette());
    ErrorText::apply(m_warning, palette());
}
