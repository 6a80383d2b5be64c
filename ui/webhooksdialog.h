#pragma once

#include "core/consoleviews.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wagate {

class EngineFacade;
class WebhookEditDialog;

//! The organization's webhooks (admin): each with its URL, events, whether it is on and how its
//! latest delivery went; add, edit, delete, rotate the secret, send a test event; and the recent
//! deliveries of the selected one with their status, attempts and next try, looked at again every
//! few seconds while the dialog is open (the dispatcher works on its own thread).
class WebhooksDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WebhooksDialog(EngineFacade &facade, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QTreeWidget *deliveries() const { return m_deliveries; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *rotateButton() const { return m_rotate; }
    QPushButton *testButton() const { return m_test; }
    bool isLoaded() const { return m_loaded; }
    QString problemText() const;
    //! The webhook the cursor is on ("" when none).
    QString currentId() const;
    void selectWebhook(const QString &id);

    WebhookEditDialog *openAddDialog();
    WebhookEditDialog *openEditDialog();
    //! Shows a secret once, with a button that copies it.
    QDialog *showSecret(const WebhookInfo &webhook);

    //! "Delivered (HTTP 200)", "Trying again at 14:05 (attempts so far: 3)", "Failed (attempts: 12)".
    static QString deliveryText(const WebhookDeliveryInfo &d, qint64 now);

private:
    void reload();
    void loadDeliveries();
    void updateButtons();
    void report(const QString &what, const Error &error);

    EngineFacade &m_facade;
    QList<WebhookInfo> m_webhooks;
    QTreeWidget *m_list;
    QTreeWidget *m_deliveries;
    QLabel *m_deliveriesHeading;
    QLabel *m_problem;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_rotate;
    QPushButton *m_test;
    QTimer m_poll;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QString m_select;
};

} // namespace wagate
