/**
 * The package as a user gets it: `npm pack` of this checkout, installed with npm into an empty
 * folder. Used by the package test (scripts/package.test.ts) and `npm run bench`
 * (start.installedReadyMs, install.sizeMb).
 *
 * The command's build (lib/cli/) is made fresh; the UI (dist/) and the library (lib/index.js) are
 * built only when missing, because other tests may be reading them (`npm test` builds both
 * first). The pack runs without scripts for the same reason: `prepare` would rebuild them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

export interface InstalledPackage {
  /** The folder the package was installed into (it has node_modules/ and a package.json). */
  dir: string;
  /** node_modules/mcp-auth-debugger */
  packageDir: string;
  /** The installed bin, to run with `node` directly. */
  bin: string;
  tarball: string;
  /** Every entry of the tarball, without the leading `package/`. */
  tarballEntries: string[];
  /** Bytes of every file under node_modules/: the package and its production dependencies. */
  installedBytes: number;
  /** The version in this checkout's package.json. */
  version: string;
  /** Deletes the folder and the tarball. */
  remove(): void;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

function buildWhatThePackShips(): void {
  run(process.execPath, ['scripts/build-cli.mjs'], repositoryRoot);
  if (!existsSync(join(repositoryRoot, 'lib/index.js'))) run(process.execPath, ['scripts/build-library.mjs'], repositoryRoot);
  if (!existsSync(join(repositoryRoot, 'dist/index.html'))) run('npx', ['vite', 'build', '--logLevel', 'warn'], repositoryRoot);
}

function bytesUnder(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + bytesUnder(join(path, name)), 0);
}

/** Packs this checkout and installs the tarball into a new temporary folder. */
export function installPackedPackage(): InstalledPackage {
  buildWhatThePackShips();
  const dir = mkdtempSync(join(tmpdir(), 'mad-installed-'));
  const packDir = mkdtempSync(join(tmpdir(), 'mad-pack-'));
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(packDir, { recursive: true, force: true });
  };
  try {
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], repositoryRoot);
    const tarballName = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
    if (!tarballName) throw new Error(`npm pack wrote no tarball into ${packDir}.`);
    const tarball = join(packDir, tarballName);
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    if (listing.status !== 0) throw new Error(`tar could not list ${tarball}: ${listing.stderr}`);
    const tarballEntries = listing.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, ''));

    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'mad-installed-package', private: true }, null, 2)}\n`);
    // The production dependencies are usually in npm's cache already; the registry otherwise.
    try {
      run('npm', ['install', '--offline', '--no-package-lock', tarball], dir);
    } catch {
      run('npm', ['install', '--no-package-lock', tarball], dir);
    }
    const packageDir = join(dir, 'node_modules/mcp-auth-debugger');
    const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
    return {
      dir,
      packageDir,
      bin: join(packageDir, 'bin/mcp-auth-debugger.js'),
      tarball,
      tarballEntries,
      installedBytes: bytesUnder(join(dir, 'node_modules')),
      version,
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}

export interface StartedCommand {
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the output so far once it matches, rejects when the process ends first or after timeoutMs. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGINT, then the exit code (SIGKILL after 10 s). */
  stop(): Promise<number | null>;
}

/** Runs the installed bin with node (no npm or npx in between), its output captured. */
export function startInstalledBin(installed: InstalledPackage, args: string[]): StartedCommand {
  const child = spawn(process.execPath, [installed.bin, ...args], { cwd: installed.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => finish(new Error(`No ${pattern} within ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`)), timeoutMs);
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) finish(undefined, match);
        };
        const onExit = () => finish(new Error(`The command ended before ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`));
        function finish(error: Error | undefined, match?: RegExpExecArray) {
          clearTimeout(deadline);
          child.stdout?.off('data', check);
          child.off('exit', onExit);
          if (match) resolve(match);
          else reject(error ?? new Error('no match'));
        }
        child.stdout?.on('data', check);
        child.once('exit', onExit);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}
