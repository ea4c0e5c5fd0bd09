#include "ExportDialog.h"

#include "DocumentExporter.h"
#include "DocumentWriter.h"
#include "ErrorText.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

ExportDialog::ExportDialog(EndpointService *service, AppliedEndpoints *applied, const QList<Connection> &connections,
                           const QString &currentConnectionId, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_applied(applied)
    , m_connections(connections)
    , m_list(new QListWidget(this))
    , m_file(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Export Endpoints"));
    setObjectName(QStringLiteral("exportDialog"));
    m_list->setObjectName(QStringLiteral("exportConnections"));
    m_list->setAccessibleName(tr("Connections to export"));
    for (const Connection &connection : connections) {
        auto *item = new QListWidgetItem(connection.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(connection.id == currentConnectionId ? Qt::Checked : Qt::Unchecked);
    }
    if (connections.size() == 1)
        m_list->item(0)->setCheckState(Qt::Checked);
    m_file->setObjectName(QStringLiteral("exportFile"));
    m_file->setAccessibleName(tr("File to write"));
    m_file->setPlaceholderText(tr("endpoints.yaml"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    browse->setAccessibleName(tr("Choose the file to write"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    ErrorText::apply(m_error, palette());
    m_error->hide();

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    auto *listLabel = new QLabel(tr("&Connections:"), this);
    listLabel->setBuddy(m_list);
    form->addRow(listLabel, m_list);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(QString(), m_error);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Writes an endpoints document of what exists now. It holds no secret and no "
                                    "API key."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_buttons);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::browse() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Endpoints"), m_file->text(),
                                                      tr("Endpoints documents (*.yaml *.yml)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

QList<Connection> ExportDialog::checkedConnections() const {
    QList<Connection> checked;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            checked << m_connections.at(row);
    }
    return checked;
}

void ExportDialog::showError(const QString &text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_error->setAccessibleName(text);
}

void ExportDialog::reject() {
    if (!m_running)
        QDialog::reject();
}

void ExportDialog::accept() {
    if (m_running)
        return;
    const QList<Connection> connections = checkedConnections();
    const QString fileName = m_file->text().trimmed();
    if (connections.isEmpty())
        return showError(tr("Check at least one connection to export."));
    if (fileName.isEmpty()) {
        m_file->setFocus();
        return showError(tr("Name the file to write."));
    }
    showError(QString());
    m_running = true;
    for (QAbstractButton *button : m_buttons->buttons())
        button->setEnabled(false);
    emit progress(tr("Exporting the endpoints of %n connection(s)…", nullptr, int(connections.size())));
    auto *exporter = new DocumentExporter(m_service, m_applied, this);
    connect(exporter, &DocumentExporter::finished, this,
            [this, exporter, fileName](const EndpointDocument &document, const ApiError &error) {
                exporter->deleteLater();
                m_running = false;
                for (QAbstractButton *button : m_buttons->buttons())
                    button->setEnabled(true);
                emit progress(QString());
                if (error.isError())
                    return showError(tr("Nothing was exported: %1").arg(error.toString()));
                // Whole or not at all: a half-written document must not be applied by mistake.
                const QByteArray text = DocumentWriter::write(document);
                QSaveFile file(fileName);
                if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
                    return showError(tr("Cannot write %1: %2").arg(fileName, file.errorString()));
                int endpoints = 0;
                for (const DocumentConnection &connection : document.connections)
                    endpoints += int(connection.endpoints.size());
                emit exported(tr("Exported %n endpoint(s) to %1.", nullptr, endpoints).arg(fileName));
                QDialog::accept();
            });
    exporter->exportConnections(connections, fileName);
}
