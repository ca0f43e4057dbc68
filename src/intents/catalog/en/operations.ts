// Messages about the service itself (an internal error a person can quote), English.
export const operations = {
  'error.internal_ref': 'Something went wrong on my side; nothing was changed. Please try again. If it keeps happening, give your admin this reference: {requestId}.',
};
