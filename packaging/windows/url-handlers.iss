; Inno Setup fragment: include from the main script's [Registry] section with
;   #include "url-handlers.iss"
; Registers Ramal Desktop as a tel:/callto: handler in Windows "Default apps" (per user).

[Registry]
Root: HKCU; Subkey: "Software\Classes\RamalDesktop.tel"; ValueType: string; ValueName: ""; ValueData: "URL:Ramal Desktop tel link"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\RamalDesktop.tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\RamalDesktop.tel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\ramal-desktop.exe"",0"
Root: HKCU; Subkey: "Software\Classes\RamalDesktop.tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ramal-desktop.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Ramal Desktop\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "Ramal Desktop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Ramal Desktop\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Softphone for TotalVoice / Zenvia Voice"
Root: HKCU; Subkey: "Software\Ramal Desktop\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "RamalDesktop.tel"
Root: HKCU; Subkey: "Software\Ramal Desktop\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "RamalDesktop.tel"
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "Ramal Desktop"; ValueData: "Software\Ramal Desktop\Capabilities"; Flags: uninsdeletevalue
; Start at login (only when the user ticked the task)
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Ramal Desktop"; ValueData: """{app}\ramal-desktop.exe"" --minimised"; Tasks: autostart; Flags: uninsdeletevalue
