# Builds the Windows artefacts into packaging\dist\:
#   ramal-desktop\                                one-folder PyInstaller build: ramal-desktop.exe
#                                                 (windowed) and ramal-desktop-cli.exe (console)
#   ramal-desktop-<version>-windows-setup.exe     Inno Setup installer
# Needs PowerShell 7, the project and its `packaging` extra in the current Python, compiled
# .qm translations, Inno Setup 6 (iscc). Signs both exes and the installer when
# WINDOWS_CERT_PFX_BASE64 (a base64 .pfx) and WINDOWS_CERT_PASSWORD are set; skips otherwise.
# -DryRun checks the input files and prints every command instead of running it.
param([switch]$DryRun)
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$packaging = Split-Path -Parent $here
$dist = Join-Path $packaging "dist"
$spec = Join-Path $packaging "ramal-desktop.spec"
$iss = Join-Path $here "ramal-desktop.iss"
foreach ($file in @($spec, $iss, (Join-Path $here "url-handlers.iss"), (Join-Path $packaging "version.py"))) {
  if (-not (Test-Path $file)) { throw "missing $file" }
}

# Runs a program (or, with -DryRun, prints it); throws when it exits non-zero.
function Invoke-Step([string]$what, [string]$program, [string[]]$arguments) {
  if ($DryRun) {
    Write-Host "dry-run: $program $($arguments -join ' ')"
    return
  }
  & $program @arguments
  if ($LASTEXITCODE -ne 0) { throw "$what failed" }
}

$version = (python (Join-Path $packaging "version.py")).Trim()
Write-Host "build-windows: Ramal Desktop $version"

Invoke-Step "PyInstaller" "python" @("-m", "PyInstaller", "--noconfirm", "--clean",
  "--log-level", "WARN", "--distpath", $dist,
  "--workpath", (Join-Path $packaging "build\pyinstaller"), $spec)

function Find-SignTool {
  $kits = "${env:ProgramFiles(x86)}\Windows Kits\10\bin"
  Get-ChildItem $kits -Recurse -Filter signtool.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.FullName -match "\\x64\\" } | Sort-Object FullName | Select-Object -Last 1
}

$signing = [bool]$env:WINDOWS_CERT_PFX_BASE64
$onedir = Join-Path $dist "ramal-desktop"
$exes = @((Join-Path $onedir "ramal-desktop.exe"), (Join-Path $onedir "ramal-desktop-cli.exe"))
if ($signing) {
  $pfx = Join-Path ($env:RUNNER_TEMP ?? $env:TEMP) "codesign.pfx"
  if (-not $DryRun) {
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
  }
  $signtool = if ($DryRun) { "signtool.exe" } else { (Find-SignTool).FullName }
  function Sign([string]$file) {
    Invoke-Step "signtool on $file" $signtool @("sign", "/f", $pfx, "/p",
      $env:WINDOWS_CERT_PASSWORD, "/fd", "sha256", "/tr", "http://timestamp.digicert.com",
      "/td", "sha256", $file)
  }
  foreach ($exe in $exes) { Sign $exe }
} else {
  Write-Host "build-windows: WINDOWS_CERT_PFX_BASE64 not set, building unsigned"
}

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Invoke-Step "Inno Setup" $iscc @("/Qp", "/DAppVersion=$version", "/DSourceDir=$onedir",
  "/DOutputDir=$dist", $iss)

$setup = Join-Path $dist "ramal-desktop-$version-windows-setup.exe"
if ($signing) {
  Sign $setup
  if (-not $DryRun) { Remove-Item $pfx }
}
Write-Host "build-windows: $setup"
