#pragma once

#include "core/consoleviews.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace wagate {

class EngineFacade;

//! Adds a webhook or changes one: its URL, the events it wants, a description, on or off. The
//! engine checks the URL (http or https, never a link-local address) and says what is wrong here.
class WebhookEditDialog : public QDialog
{
    Q_OBJECT
public:
    //! existing: the webhook to change; std::nullopt adds one.
    WebhookEditDialog(EngineFacade &facade, const std::optional<WebhookInfo> &existing, QWidget *parent = nullptr);

    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *eventBox(const QString &type) const;
    QCheckBox *enabledBox() const { return m_enabled; }
    QPushButton *saveButton() const { return m_save; }
    QString problemText() const;

    //! The event types a webhook can want, in their wire spelling.
    static const QStringList &eventTypes();
    //! "Messages received", "Message status changes" …
    static QString eventWords(const QString &type);
    //! An engine error about a webhook, for the person who pressed the button.
    static QString errorText(const Error &error);

signals:
    //! Saved; for a new webhook the secret is set, this once.
    void saved(const wagate::WebhookInfo &webhook);

private:
    void updateState();
    void save();

    EngineFacade &m_facade;
    std::optional<WebhookInfo> m_existing;
    QLineEdit *m_url;
    QLineEdit *m_description;
    QList<QCheckBox *> m_events;
    QCheckBox *m_enabled;
    QLabel *m_problem;
    QPushButton *m_save;
    bool m_inFlight = false;
};

} // namespace wagate
