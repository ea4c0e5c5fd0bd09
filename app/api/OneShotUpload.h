#pragma once

#include <QByteArray>
#include <QIODevice>

// A request body that can be read once and never rewound. QNetworkAccessManager silently
// re-sends a request whose connection closed before any answer arrived, if it can rewind the
// body; for a create without an Idempotency-Key that would make a second endpoint whose secret
// nobody sees. With this body the re-send fails with ContentReSendError instead, and the
// pending-create journal settles what happened.
class OneShotUpload final : public QIODevice {
    Q_OBJECT

public:
    explicit OneShotUpload(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};
