<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>PhoneNumber</name>
    <message numerus="yes">
        <source>This number is too short: %n digits with the country code.</source>
        <translation>
            <numerusform>This number is too short: %n digit with the country code.</numerusform>
            <numerusform>This number is too short: %n digits with the country code.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This number is too long: %n digits with the country code; at most 15.</source>
        <translation>
            <numerusform>This number is too long: %n digits with the country code; at most 15.</numerusform>
            <numerusform>This number is too long: %n digits with the country code; at most 15.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::LinkNumberDialog</name>
    <message numerus="yes">
        <source>This code changes in %n s</source>
        <translation>
            <numerusform>This code changes in %n s</numerusform>
            <numerusform>This code changes in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This code expires in %n s</source>
        <translation>
            <numerusform>This code expires in %n s</numerusform>
            <numerusform>This code expires in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::MainWindow</name>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln logged out</source>
        <translation>
            <numerusform>%Ln logged out</numerusform>
            <numerusform>%Ln logged out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnecting</source>
        <translation>
            <numerusform>%Ln reconnecting</numerusform>
            <numerusform>%Ln reconnecting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln working</source>
        <translation>
            <numerusform>%Ln working</numerusform>
            <numerusform>%Ln working</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln starting</source>
        <translation>
            <numerusform>%Ln starting</numerusform>
            <numerusform>%Ln starting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting for a phone</source>
        <translation>
            <numerusform>%Ln waiting for a phone</numerusform>
            <numerusform>%Ln waiting for a phone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln stopped</numerusform>
            <numerusform>%Ln stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not linked</source>
        <translation>
            <numerusform>%Ln not linked</numerusform>
            <numerusform>%Ln not linked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::OutboxTracker</name>
    <message numerus="yes">
        <source>%Ln a minute</source>
        <translation>
            <numerusform>%Ln a minute</numerusform>
            <numerusform>%Ln a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln an hour</source>
        <translation>
            <numerusform>%Ln an hour</numerusform>
            <numerusform>%Ln an hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln sent</numerusform>
            <numerusform>%Ln sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivered</source>
        <translation>
            <numerusform>%Ln delivered</numerusform>
            <numerusform>%Ln delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read</source>
        <translation>
            <numerusform>%Ln read</numerusform>
            <numerusform>%Ln read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln received</numerusform>
            <numerusform>%Ln received</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::SessionDialog</name>
    <message numerus="yes">
        <source>The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.</source>
        <translation>
            <numerusform>The hourly limit is lower than the per-minute one, so at most %Ln message goes out in any hour.</numerusform>
            <numerusform>The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::WebhooksDialog</name>
    <message numerus="yes">
        <source>Failed (attempts: %Ln)</source>
        <translation>
            <numerusform>Failed (attempts: %Ln)</numerusform>
            <numerusform>Failed (attempts: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln) — %1</source>
        <translation>
            <numerusform>Failed (attempts: %Ln) — %1</numerusform>
            <numerusform>Failed (attempts: %Ln) — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln)</source>
        <translation>
            <numerusform>Trying again at %1 (attempts so far: %Ln)</numerusform>
            <numerusform>Trying again at %1 (attempts so far: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln, last: %2)</source>
        <translation>
            <numerusform>Trying again at %1 (attempts so far: %Ln, last: %2)</numerusform>
            <numerusform>Trying again at %1 (attempts so far: %Ln, last: %2)</numerusform>
        </translation>
    </message>
</context>
</TS>
