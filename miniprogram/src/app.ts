import { type PropsWithChildren } from 'react';
import { startSessionKeeping } from './auth/login';
import './app.scss';

// Only builds configured for WeChat Cloud call wx.cloud; it must be initialised once, first.
const cloudEnv = process.env.TARO_APP_CLOUD_ENV;
if (cloudEnv) wx.cloud.init({ env: cloudEnv, traceUser: true });

// Silent wx.login on launch (weapp over HTTPS), and again whenever a call answers 401.
startSessionKeeping();

function App({ children }: PropsWithChildren) {
  // children is the page being shown.
  return children;
}

export default App;
