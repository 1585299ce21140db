<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="36" />
        <source>Unexpected error: %1</source>
        <translation>Erro inesperado: %1</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="43" />
        <source>Sandbox</source>
        <extracomment>The ramal report filters by creation date; this start covers every account. Emitted after each load attempt: number of ramais, or -1 on failure.</extracomment>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="47" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="58" />
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="73" />
        <source>Ramais of the account</source>
        <translation>Ramais da conta</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="102" />
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/overview_window.py" line="112" />
        <source>Not connected</source>
        <translation>Sem conexão</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/shell/overview_window.py" line="122" />
        <source>Connected to the sandbox at %1 — %n ramal(s)</source>
        <translation>
            <numerusform>Conectado ao sandbox em %1 — %n ramal</numerusform><numerusform>Conectado ao sandbox em %1 — %n ramais</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/shell/overview_window.py" line="124" />
        <source>Connected to %1 — %n ramal(s)</source>
        <translation>
            <numerusform>Conectado a %1 — %n ramal</numerusform><numerusform>Conectado a %1 — %n ramais</numerusform></translation>
    </message>
</context>
<context>
    <name>RamalTableModel</name>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="27" />
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="29" />
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="38" />
        <source>Ramal</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="39" />
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="40" />
        <source>Caller ID</source>
        <translation>Bina</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="41" />
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="42" />
        <source>Records calls</source>
        <translation>Grava chamadas</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="44" />
        <source>External calls</source>
        <translation>Chamadas externas</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/ramal_model.py" line="47" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
</TS>