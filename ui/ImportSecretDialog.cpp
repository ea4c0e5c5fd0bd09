#include "ImportSecretDialog.h"

#include "ErrorText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ImportSecretDialog::ImportSecretDialog(const QString &endpointName, const QString &providerName,
                                       const SecretFormat &format, QWidget *parent)
    : QDialog(parent)
    , m_providerName(providerName)
    , m_format(format)
    , m_secret(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_store(new QPushButton(tr("&Store"), this))
    , m_storeAnyway(new QPushButton(tr("Store &anyway"), this)) {
    setObjectName(QStringLiteral("importSecretDialog"));
    setWindowTitle(tr("Import Signing Secret"));

    auto *prompt =
        new QLabel(tr("Paste the signing secret of %1.\nIt is stored in your keychain only.").arg(endpointName), this);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_secret);
    auto *form = new QLabel(this);
    form->setObjectName(QStringLiteral("importForm"));
    form->setWordWrap(true);
    form->setForegroundRole(QPalette::PlaceholderText);
    if (format.isStated())
        form->setText(format.isAssumed()
                          ? tr("%1 secrets look like %2 (read off its examples; its documentation does not say).")
                                .arg(providerName, format.description())
                          : tr("%1 secrets look like %2.").arg(providerName, format.description()));
    form->setVisible(format.isStated());

    m_secret->setObjectName(QStringLiteral("importedSecret"));
    m_secret->setAccessibleName(tr("Signing secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_problem->setObjectName(QStringLiteral("importProblem"));
    m_problem->setWordWrap(true);
    ErrorText::apply(m_problem, palette());
    // Room for the reason from the start: it appears without resizing the dialog or moving the buttons.
    QSizePolicy keepRoom = m_problem->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_problem->setSizePolicy(keepRoom);
    m_problem->setMinimumHeight(3 * m_problem->fontMetrics().lineSpacing());
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_problem->hide();

    m_store->setObjectName(QStringLiteral("importStore"));
    m_store->setAccessibleName(tr("Store the secret in your keychain"));
    m_store->setDefault(true);
    m_storeAnyway->setObjectName(QStringLiteral("importStoreAnyway"));
    m_storeAnyway->setAccessibleName(tr("Store the secret anyway"));
    m_storeAnyway->setAutoDefault(false); // Return must never store a secret that does not fit
    m_storeAnyway->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_storeAnyway, QDialogButtonBox::ActionRole);
    buttons->addButton(m_store, QDialogButtonBox::AcceptRole);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_secret);
    layout->addWidget(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_secret, &QLineEdit::textChanged, this, &ImportSecretDialog::check);
    connect(m_store, &QPushButton::clicked, this, &ImportSecretDialog::choose);
    connect(m_storeAnyway, &QPushButton::clicked, this, &ImportSecretDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
    resize(qMax(480, sizeHint().width()), sizeHint().height());
}

QString ImportSecretDialog::secret() const {
    return m_secret->text().trimmed();
}

void ImportSecretDialog::check() {
    const QString problem = secret().isEmpty() ? QString() : m_format.problem(secret());
    m_problem->setText(problem.isEmpty()
                           ? QString()
                           : tr("This does not look like a signing secret from %1. %2").arg(m_providerName, problem));
    m_problem->setVisible(!problem.isEmpty());
    m_secret->setAccessibleDescription(m_problem->text());
    m_store->setEnabled(!secret().isEmpty() && problem.isEmpty());
    m_storeAnyway->setVisible(!problem.isEmpty());
}

void ImportSecretDialog::choose() {
    const QString chosen = secret();
    m_secret->clear(); // the secret leaves the widget as soon as it is handed over
    accept();
    emit secretChosen(chosen);
}
