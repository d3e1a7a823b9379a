import { Fragment, createElement, type PropsWithChildren } from 'react';
import { startSessionKeeping } from './auth/login';
import { H5Nav } from './components/h5-nav/H5Nav';
import { PrivacyHost } from './components/privacy/PrivacyHost';
import { startPrivacyAuthorization } from './components/privacy/privacy-authorization';
import './app.scss';

// Only builds configured for WeChat Cloud call wx.cloud; it must be initialised once, first.
const cloudEnv = process.env.TARO_APP_CLOUD_ENV;
if (cloudEnv) wx.cloud.init({ env: cloudEnv, traceUser: true });

// Silent wx.login on launch (weapp over HTTPS), and again whenever a call answers 401.
startSessionKeeping();

// One wx.onNeedPrivacyAuthorization listener for every page (weapp only; a no-op elsewhere).
startPrivacyAuthorization();

function App({ children }: PropsWithChildren) {
  // children is the page being shown; the privacy sheet is shown on top of it when WeChat asks.
  // H5Nav is the H5 build's navigation bar (nothing in the weapp, where WeChat draws its own).
  return createElement(Fragment, null, createElement(H5Nav), children, createElement(PrivacyHost));
}

export default App;
