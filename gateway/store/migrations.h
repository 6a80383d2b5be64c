#pragma once

#include <QStringList>

namespace wagate::migrations {

//! One schema step. Statements use portable SQL; BLOB is written as ${BLOB} and rewritten per dialect.
struct Migration
{
    int version;
    const char *description;
    QStringList statements;
};

const QList<Migration> &all();

} // namespace wagate::migrations
