export { applyServerErrors, toFormPath, type ServerErrorOptions } from './server-errors';
export { FormErrorAlert } from './FormErrorAlert';
export { useServerFormError } from './use-server-form-error';
