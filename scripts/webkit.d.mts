// Types of scripts/webkit.mjs (WebKitGTK through WebKitWebDriver under Xvfb).

export type KeysPayload = { press: string } | { type: string } | { down: string } | { up: string };
export type MousePayload = { type: 'move' | 'click'; position: [number, number]; button?: 'left' | 'middle' | 'right' } | { type: 'down' | 'up'; button?: 'left' | 'middle' | 'right' };

export declare const WEBDRIVER_KEYS: Record<string, string>;
export declare function webdriverKey(name: string): string;

export declare class WebKitSession {
  readonly id: string;
  readonly capabilities: Record<string, unknown>;
  /** `MiniBrowser 2.50.6` */
  readonly version: string;
  close(): Promise<void>;
  driverLog(): string;
  command<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  execute<T = unknown>(script: string, args?: unknown[]): Promise<T>;
  executeAsync<T = unknown>(script: string, args?: unknown[]): Promise<T>;
  waitFor(expression: string, timeout: number): Promise<boolean>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(): Promise<Buffer>;
  actions(actions: unknown[]): Promise<void>;
  keys(payload: KeysPayload): Promise<void>;
  mouse(payload: MousePayload): Promise<void>;
}

export declare function startWebKit(options?: { width?: number; height?: number; pageLoadStrategy?: 'normal' | 'eager' | 'none' }): Promise<WebKitSession>;
