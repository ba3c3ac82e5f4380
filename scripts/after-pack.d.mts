import type { FuseConfig } from '@electron/fuses';

export declare const ELECTRON_FUSES: Readonly<{
  RunAsNode: false;
  EnableNodeOptionsEnvironmentVariable: false;
  EnableNodeCliInspectArguments: false;
  EnableCookieEncryption: true;
  EnableEmbeddedAsarIntegrityValidation: true;
  OnlyLoadAppFromAsar: true;
}>;

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

export declare function fuseConfig(context: Pick<AfterPackContextLike, 'electronPlatformName' | 'arch'>): FuseConfig;
export declare function electronBinaryPath(context: Omit<AfterPackContextLike, 'arch'>): string;
export declare function afterPack(context: AfterPackContextLike): Promise<void>;
export default afterPack;
