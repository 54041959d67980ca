/** No installation answers for the workspace a request came from. */
export class InstallationMissingError extends Error {
  readonly code = "INSTALLATION_MISSING";
  constructor(readonly workspace: string) {
    super(`Installation store: ${workspace} has not installed the app`);
    this.name = "InstallationMissingError";
  }
}

/** The store could not be read and nothing recent was cached for the workspace. */
export class InstallationStoreUnavailableError extends Error {
  readonly code = "INSTALLATION_STORE_UNAVAILABLE";
  constructor(
    readonly workspace: string,
    detail: string,
  ) {
    super(`Installation store: cannot read the installation of ${workspace} (${detail})`);
    this.name = "InstallationStoreUnavailableError";
  }
}
